/**
 * The `test` every spec imports: checks every page a test visits with axe (no serious or
 * critical violations), in light and dark colour schemes, and gives access to the mail the
 * app really sent through SMTP.
 */
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { E2E } from "./ports";

export interface SentMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Raw, unfolded header lines ("List-Unsubscribe: <https://…>"), in order. */
  headerLines: string[];
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    // Not ours to fix: Next's development overlay, and e-mail HTML shown in a sandboxed frame
    // (axe cannot enter a frame without scripts and would wait for it forever).
    .exclude("nextjs-portal")
    .exclude("iframe[sandbox]")
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

/** Runs axe on the page as it is now; fails the test on serious or critical violations. */
export async function expectAccessible(page: Page, label = page.url()) {
  const violations = await axeViolations(page);
  expect(violations, `accessibility violations on ${label}`).toEqual([]);
}

export interface MailSink {
  /** Every message the app sent to `to` so far, oldest first. */
  all(to: string): Promise<SentMail[]>;
  /** The newest message to `to` (matching `subject`), waiting up to 15 s for it to arrive. */
  waitFor(to: string, subject?: RegExp): Promise<SentMail>;
}

async function messagesTo(to: string): Promise<SentMail[]> {
  const response = await fetch(`http://127.0.0.1:${E2E.mailApiPort}/messages?to=${encodeURIComponent(to)}`);
  return (await response.json()) as SentMail[];
}

export const test = base.extend<{ visitedPages: void; mail: MailSink }>({
  visitedPages: [
    async ({ page, context }, use, testInfo) => {
      const visited = new Set<string>();
      page.on("load", () => {
        const url = page.url();
        if (url.startsWith("http")) visited.add(url);
      });
      await use();
      if (testInfo.status !== testInfo.expectedStatus) return;
      // Re-open each page the test saw, with the same cookies, once per colour scheme.
      const checker = await context.newPage();
      try {
        for (const url of visited) {
          for (const colorScheme of ["light", "dark"] as const) {
            await checker.emulateMedia({ colorScheme });
            await checker.goto(url);
            await expectAccessible(checker, `${url} (${colorScheme})`);
          }
        }
      } finally {
        await checker.close();
      }
    },
    { auto: true },
  ],
  mail: async ({}, use) => {
    await use({
      all: messagesTo,
      async waitFor(to, subject) {
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline) {
          const messages = await messagesTo(to);
          const match = messages.reverse().find((m) => !subject || subject.test(m.subject));
          if (match) return match;
          await new Promise((r) => setTimeout(r, 250));
        }
        throw new Error(`No e-mail to ${to}${subject ? ` matching ${subject}` : ""} arrived within 15 s`);
      },
    });
  },
});

export { expect };
