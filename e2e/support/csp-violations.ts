import { expect, type Page } from "@playwright/test";

/**
 * Collects every CSP violation the page reports (the `securitypolicyviolation` DOM event, from
 * before any script runs) and every CSP console error; the returned check fails on any so far.
 */
export async function watchForCspViolations(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const store = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
      store.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  return async (label: string) => {
    const fromPage = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
    expect([...problems, ...fromPage], `CSP violations on ${label}`).toEqual([]);
  };
}

/** Loaded, hydrated and idle ("networkidle" never comes: a thread page keeps its event stream open). */
export async function settled(page: Page) {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2_000 })));
}
