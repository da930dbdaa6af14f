import type { Browser, Page } from "@playwright/test";
import { test, expect, type MailSink } from "./support/test";
import { becomeMember } from "./support/membership";
import { uniqueEmail } from "./support/shop";
import { signInWithEmailLink } from "./support/sign-in";
import { xssPayloads } from "../test/xss-payloads";

/**
 * The XSS corpus (test/xss-payloads.ts), typed by members through the real forms into every place
 * the app shows text someone else wrote — post bodies (Markdown), thread titles, display names,
 * the search query echoed on /search, flag notes shown to moderators, moderators' reasons and
 * reply notices in the notification list — then checked in Chromium: nothing ran (no dialog,
 * window.__xss unset, no request to another host), no user text became markup, and every JSON-LD
 * block still parses. Payloads are batched many to a field so the whole corpus takes a few posts.
 */

const PRODUCT = "/p/kestrel-n4-1-tb-nvme-ssd";

/** Single-line forms of the payloads, for one-line fields (titles, notes, reasons, queries). */
const oneLine = [...new Set(xssPayloads.map((payload) => payload.replace(/\s+/g, " ").trim()))];

/** Greedy packing of payloads into strings of at most `max` characters (longer ones are left out). */
function pack(payloads: readonly string[], max: number, separator = " "): string[] {
  const batches: string[] = [];
  let current = "";
  for (const payload of payloads) {
    if (payload.length > max) continue;
    const next = current ? `${current}${separator}${payload}` : payload;
    if (next.length <= max) current = next;
    else {
      batches.push(current);
      current = payload;
    }
  }
  if (current) batches.push(current);
  return batches;
}

/** Dialogs and requests to other hosts, from the moment the page opens. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], foreign: [] as string[] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    const host = new URL(request.url()).hostname;
    if (host !== "localhost" && host !== "127.0.0.1") seen.foreign.push(request.url());
  });
  return seen;
}

// Tags user text must never turn into. `strict` is for rendered Markdown (only a few formatting
// tags are allowed there); `text` for places that show plain text inside the app's own markup.
const ACTIVE_TAGS = {
  strict: "script, iframe, object, embed, frame, frameset, portal, svg, math, style, form, input, button, textarea, select, img, video, audio, source, base, meta, link, template, table",
  text: 'script:not([type="application/ld+json"]), iframe, object, embed, frame, frameset, portal, base, meta, link, style, template',
} as const;

/**
 * Wakes every handler a payload could have hooked inside `scope` (synthetic mouse, pointer and
 * focus events on each element: an inline handler runs on those as on real ones), then checks the
 * whole document: nothing ran, no element carries an inline handler (React never renders one, so
 * any would be injected), no link or source points at a script URL, user text under `scope` did
 * not become active markup, and every JSON-LD block still parses.
 */
async function expectNothingRan(page: Page, seen: ReturnType<typeof watch>, scope: string, tags: keyof typeof ACTIVE_TAGS = "text") {
  const findings = await page.evaluate(
    async ({ scope, activeTags }) => {
      const roots = [...document.querySelectorAll(scope)];
      for (const root of roots) {
        for (const element of [root, ...root.querySelectorAll("*")]) {
          for (const type of ["mouseover", "mouseenter", "mousemove", "pointerover", "pointerenter", "focusin", "animationstart", "transitionend"]) {
            element.dispatchEvent(type.startsWith("mouse") ? new MouseEvent(type, { bubbles: true }) : type.startsWith("pointer") ? new PointerEvent(type, { bubbles: true }) : new Event(type, { bubbles: true }));
          }
          if (element instanceof HTMLElement) element.focus({ preventScroll: true });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      const bad: string[] = [];
      for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name)) bad.push(`${element.tagName.toLowerCase()}[${attribute.name}]`);
          // React's own placeholder on forms bound to server actions is the one script URL allowed.
          const reactFormGuard = attribute.name === "action" && element.tagName === "FORM" && attribute.value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.");
          if (!reactFormGuard && /^(href|src|action|formaction|xlink:href|background|data)$/i.test(attribute.name) && /^(javascript|vbscript):/i.test(attribute.value.replace(/[\u0000-\u0020]/g, ""))) {
            bad.push(`${element.tagName.toLowerCase()}[${attribute.name}=${attribute.value}]`);
          }
        }
      }
      for (const root of roots) for (const element of root.querySelectorAll(activeTags)) bad.push(`<${element.tagName.toLowerCase()}> in ${scope}`);
      const jsonLd: string[] = [];
      for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
        try {
          JSON.parse(script.textContent ?? "");
        } catch {
          jsonLd.push((script.textContent ?? "").slice(0, 120));
        }
      }
      return { roots: roots.length, bad, jsonLd, flagged: (window as unknown as { __xss?: unknown }).__xss ?? null };
    },
    { scope, activeTags: ACTIVE_TAGS[tags] },
  );
  expect(findings.roots, `elements matching ${scope}`).toBeGreaterThan(0);
  expect(findings.bad).toEqual([]);
  expect(findings.jsonLd, "JSON-LD blocks that no longer parse").toEqual([]);
  expect(findings.flagged).toBeNull();
  expect(seen.dialogs).toEqual([]);
  expect(seen.foreign).toEqual([]);
}

async function ask(page: Page, title: string, body: string) {
  await page.goto(`${PRODUCT}/ask`);
  await page.getByLabel("Type of post").selectOption("DISCUSSION");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Details").fill(body);
  // Enter on the focused button: the similar-questions list can move it under a click.
  await page.getByRole("button", { name: "Post", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url();
}

async function memberIn(browser: Browser, mail: MailSink, prefix: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  await becomeMember(page, mail, uniqueEmail(prefix));
  return { context, page, seen };
}

/** A display name in the characters names allow, shaped to break out of attributes and scripts. */
const HOSTILE_NAME = "Eve '-alert(1)-' & (x)";

test("the corpus in post bodies, thread titles, display names and reply notices runs nothing", async ({ page, browser, mail }) => {
  // Many pages, each re-checked with axe in two colour schemes by the fixture.
  test.setTimeout(240_000);
  expect(xssPayloads.length).toBeGreaterThanOrEqual(100);
  const seen = watch(page);
  await becomeMember(page, mail, uniqueEmail("mallory"));

  // Four threads (the posting limit is five a minute): every payload in the first body, the
  // shortest ones packed into the titles.
  // (Control characters are dropped from titles, so payloads with them would not match the heading.)
  // A run tag keeps them apart from the same titles posted by another project or run.
  const tag = Date.now().toString(36).slice(-7);
  const titles = pack(oneLine.filter((payload) => payload.length <= 60 && !/[\u0000-\u001f\u007f]/.test(payload)).sort((a, b) => a.length - b.length), 142)
    .slice(0, 4)
    .map((title) => `${title} ${tag}`);
  expect(titles.length).toBe(4);
  const threadUrl = await ask(page, titles[0]!, xssPayloads.join("\n\n"));
  await expectNothingRan(page, seen, ".prose-post", "strict");
  // Shown as text, not as markup.
  await expect(page.locator(".prose-post").first()).toContainText("<script>alert(1)</script>");
  for (const title of titles.slice(1)) {
    await ask(page, title, "Strange title, plain body.");
    await expectNothingRan(page, seen, "h1");
  }
  // Titles as links and text on the product page.
  await page.goto(PRODUCT);
  await expect(page.getByRole("link", { name: titles[1]! })).toBeVisible();
  await expectNothingRan(page, seen, "main");

  // Another member with a hostile display name replies with payloads of their own.
  const eve = await memberIn(browser, mail, "eve");
  await eve.page.goto("/account");
  await eve.page.getByLabel("Display name").fill(HOSTILE_NAME);
  await eve.page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(eve.page.getByText("Saved.")).toBeVisible();
  await eve.page.getByLabel("Display name").fill("<img src=x onerror=alert(1)>");
  await eve.page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(eve.page.getByText("Use letters, numbers, spaces and simple punctuation only.")).toBeVisible();
  await eve.page.goto(threadUrl);
  await eve.page.getByRole("textbox", { name: "Reply" }).last().fill(pack(oneLine, 1_500, "\n\n")[1]!);
  await eve.page.getByRole("button", { name: "Post reply" }).last().focus();
  await eve.page.keyboard.press("Enter");
  await expect(eve.page.getByText(HOSTILE_NAME).first()).toBeVisible();
  await expectNothingRan(eve.page, eve.seen, ".prose-post", "strict");

  // The author's notifications: the reply notice names the thread and the replier.
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByText(HOSTILE_NAME).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expectNothingRan(page, seen, "main");
  await eve.context.close();
});

test("the corpus as a search query is echoed as text and runs nothing", async ({ page }) => {
  // Many pages, each re-checked with axe in two colour schemes by the fixture.
  test.setTimeout(240_000);
  const seen = watch(page);
  const queries = pack(oneLine, 200);
  // Every payload is in one of the queries (the longest are cut to the field's 200 characters).
  expect(queries.join(" ").length).toBeGreaterThan(3_000);
  // The first through the search form (checked for accessibility by the fixture), the rest by URL
  // on a second page of the same browser.
  await page.goto("/search");
  await page.getByLabel("Search for").fill(queries[0]!);
  await page.getByLabel("Search for").press("Enter");
  await expect(page).toHaveURL(/\/search\?/);
  await expect(page.getByLabel("Search for")).toHaveValue(queries[0]!);
  await expectNothingRan(page, seen, "main");
  const side = await page.context().newPage();
  const sideSeen = watch(side);
  for (const query of [...queries.slice(1), ...oneLine.filter((payload) => payload.length > 200).map((payload) => payload.slice(0, 200))]) {
    await side.goto(`/search?q=${encodeURIComponent(query)}`);
    // Echoed as typed (control characters are dropped from queries, so those are not compared).
    if (!/[\u0000-\u001f\u007f]/.test(query)) await expect(side.getByLabel("Search for")).toHaveValue(query.trim());
    const flagged = await side.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);
    expect(flagged, query).toBeNull();
  }
  await expectNothingRan(side, sideSeen, "main");
  await side.close();
});

test("the corpus in flag notes (moderators' queue) and in moderators' reasons (the author's notifications) runs nothing", async ({ page, browser, mail }) => {
  // Many pages, each re-checked with axe in two colour schemes by the fixture.
  test.setTimeout(240_000);
  const seen = watch(page);
  await becomeMember(page, mail, uniqueEmail("mallory-flagged"));
  const marker = `Flag me ${Date.now().toString(36)}`;
  const threadUrl = await ask(page, marker, "A post to flag.");
  for (const reply of ["First reply to flag.", "Second reply to flag.", "Third reply to flag."]) {
    await page.getByRole("textbox", { name: "Reply" }).last().fill(`${reply} ${marker}`);
    await page.getByRole("button", { name: "Post reply" }).last().focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText(`${reply} ${marker}`)).toBeVisible();
    // The form empties itself once the reply is in; typing before that would be wiped.
    await expect(page.getByRole("textbox", { name: "Reply" }).last()).toHaveValue("");
  }

  // Another member flags the four posts, each with a note full of payloads.
  const notes = pack(oneLine, 500);
  const flagger = await memberIn(browser, mail, "flagger");
  await flagger.page.goto(threadUrl);
  const posts = flagger.page.locator('[id^="post-"]');
  await expect(posts).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    const post = posts.nth(i);
    await post.locator("summary", { hasText: "Flag" }).click();
    await post.getByRole("group", { name: "Why should moderators look at this post?" }).getByRole("radio", { name: "Something else (explain in the note)" }).check();
    await post.getByLabel("Note for the moderators").fill(notes[i]!);
    await post.getByRole("button", { name: "Send the flag" }).click();
    await expect(post.getByRole("status")).toHaveText("Thank you. The moderators will review this post.");
  }
  await flagger.context.close();

  // The moderator reads the notes in the queue, then hides a post with a hostile reason.
  const moderatorContext = await browser.newContext();
  const moderator = await moderatorContext.newPage();
  const moderatorSeen = watch(moderator);
  await moderator.goto("/moderation/queue");
  await signInWithEmailLink(moderator, mail, "moderator@demo.entraide.test");
  await expect(moderator.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  const cards = moderator.locator("article[data-review-item]", { hasText: marker });
  await expect(cards).toHaveCount(4);
  await expect(cards.first().getByText("Notes from the members who flagged it")).toBeVisible();
  await expectNothingRan(moderator, moderatorSeen, "article[data-review-item] ul");
  const reason = `Reason ${marker}: ${notes[4] ?? notes[0]!}`.slice(0, 500);
  const card = moderator.locator("article[data-review-item]", { hasText: `First reply to flag. ${marker}` });
  await card.getByLabel("Reason shown to the author").fill(reason);
  await card.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(moderator.getByRole("status").filter({ hasText: "1 post hidden." })).toBeVisible();
  await moderatorContext.close();

  // The author reads the moderator's reason among their notifications.
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByText(`Reason ${marker}`).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expectNothingRan(page, seen, "main");
});

test("the checks above catch a payload that does run (a control for this file)", async ({ page }) => {
  const seen = watch(page);
  await page.goto("/");
  // What a sanitizer miss would look like: user markup with a handler that fires on its own.
  // Added again until it stays: React drops foreign nodes in <main> while it hydrates.
  await expect(async () => {
    await page.evaluate(() => {
      if (document.querySelector("main .prose-post")) return;
      const container = document.createElement("div");
      container.className = "prose-post";
      container.innerHTML = '<img src="/x-missing.png" onerror="window.__xss = 1">';
      document.querySelector("main")?.append(container);
    });
    await page.waitForTimeout(500);
    await expect(page.locator("main .prose-post")).toHaveCount(1, { timeout: 100 });
  }).toPass({ timeout: 15_000 });
  // The page's Content-Security-Policy may well stop the handler from running (defence in depth);
  // the markup checks must fail all the same, so they never rely on the CSP alone.
  await expect(expectNothingRan(page, seen, ".prose-post", "strict")).rejects.toThrow(/img\[onerror\]/);
});
