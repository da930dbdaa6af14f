import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test, expect, type MailSink } from "./support/test";
import { becomeMember } from "./support/membership";
import { expectNothingPreTicked } from "./support/no-pre-ticked-controls";
import { uniqueEmail } from "./support/shop";
import { signInWithEmailLink } from "./support/sign-in";

const PRODUCT = "/p/kestrel-n4-1-tb-nvme-ssd";

/** A new member, in their own browser context, flags the question on `threadUrl` as spam. */
async function flagAsSpam(browser: Browser, mail: MailSink, threadUrl: string, prefix: string, firstWithoutNote = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await becomeMember(page, mail, uniqueEmail(prefix));
  await page.goto(threadUrl);
  const question = page.locator('[id^="post-"]').first();
  await question.locator("summary", { hasText: "Flag" }).click();
  const reasons = question.getByRole("group", { name: "Why should moderators look at this post?" });
  // Nothing is chosen for the member.
  expect(await expectNothingPreTicked(page)).toBeGreaterThanOrEqual(4);
  if (firstWithoutNote) {
    // "Something else" needs a note: refused, and the choice stays as it was.
    await reasons.getByRole("radio", { name: "Something else (explain in the note)" }).check();
    await question.getByRole("button", { name: "Send the flag" }).click();
    await expect(question.getByText("Explain in the note what is wrong.")).toBeVisible();
    await expect(reasons.getByRole("radio", { name: "Something else (explain in the note)" })).toBeChecked();
  }
  await reasons.getByRole("radio", { name: "Spam or advertising" }).check();
  await question.getByRole("button", { name: "Send the flag" }).click();
  await expect(question.getByRole("status")).toHaveText("Thank you. The moderators will review this post.");
  await context.close();
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("flag → hidden → restored: three members flag a question, it disappears for readers, a moderator approves it from the queue with the keyboard, the author is notified", async ({ page, browser, mail }) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const title = `Is this drive compatible with the older dock ${tag}`;

  // The author asks a question.
  await becomeMember(page, mail, uniqueEmail("flag-author"));
  await page.goto(PRODUCT);
  await page.getByRole("link", { name: "Ask a question" }).click();
  await page.getByLabel("Type of post").selectOption("QUESTION");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Details").fill("I have the first version of the dock. Does the drive work with it?");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadUrl = page.url();
  // Nobody flags their own post.
  await expect(page.locator('[id^="post-"]').first().locator("summary", { hasText: "Flag" })).toHaveCount(0);

  // Three other members flag it (the threshold): the third hides it.
  for (const prefix of ["flagger-a", "flagger-b", "flagger-c"]) await flagAsSpam(browser, mail, threadUrl, prefix, prefix === "flagger-a");

  // A signed-out reader: the thread is gone (404) and no longer listed.
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  expect((await readerPage.goto(threadUrl))?.status()).toBe(404);
  await readerPage.goto(PRODUCT);
  await expect(readerPage.getByRole("link", { name: title })).toHaveCount(0);

  // The author still sees it, with the reason nobody else does.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Waiting for review: only its author and the moderators can see this post for now.")).toBeVisible();

  // A moderator finds it in the queue.
  const moderatorContext = await browser.newContext();
  const moderator = await moderatorContext.newPage();
  await moderator.goto("/moderation/queue");
  await signInWithEmailLink(moderator, mail, "moderator@demo.entraide.test");
  await expect(moderator).toHaveURL(/\/moderation\/queue$/);
  await expect(moderator.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  const card = moderator.locator("article[data-review-item]", { hasText: title });
  await expect(card).toBeVisible();
  await expect(card.getByText("3 flags: Spam × 3")).toBeVisible();
  await expect(card.getByText("Hidden until reviewed")).toBeVisible();
  await expectNoHorizontalScroll(moderator);

  // The shortcuts are listed with ?, closed with Escape.
  await moderator.keyboard.press("?");
  const help = moderator.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByText("Approve the current item")).toBeVisible();
  await moderator.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // j moves through the items until this one is current; a approves it.
  let steps = 0;
  while ((await card.getAttribute("aria-current")) !== "true" && steps < 50) {
    await moderator.keyboard.press("j");
    steps += 1;
  }
  await expect(card).toHaveAttribute("aria-current", "true");
  await expect(card).toBeFocused();
  await moderator.keyboard.press("a");
  await expect(moderator.getByRole("status").filter({ hasText: "1 item approved." })).toBeVisible();
  await expect(card).toHaveCount(0);

  // Visible again for everyone.
  const again = await readerPage.goto(threadUrl);
  expect(again?.status()).toBe(200);
  await expect(readerPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await readerPage.goto(PRODUCT);
  await expect(readerPage.getByRole("link", { name: title })).toBeVisible();

  // The author is told in the bell, and the notice is gone from their post.
  await page.reload();
  await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  await expect(page.getByText("Waiting for review: only its author and the moderators can see this post for now.")).toHaveCount(0);

  await reader.close();
  await moderatorContext.close();
});
