import { randomBytes } from "node:crypto";
import { test, expect, expectAccessible } from "./support/test";
import { becomeMember } from "./support/membership";
import { uniqueEmail } from "./support/shop";

// Live updates: a reply posted by someone else appears for a reader of the thread within a few
// seconds (server-sent events fed by PostgreSQL LISTEN/NOTIFY), without a reload and without
// touching what the reader is typing.
test("a new reply appears live for a reader, whose half-typed replies and focus are left alone", async ({ page, browser, mail }) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const title = `The dock disconnects my second screen ${tag}`;
  const firstReply = `Update the dock firmware first ${tag}.`;
  const secondReply = `A shorter DisplayPort cable fixed it here ${tag}.`;
  const bottomDraft = `Half-typed at the bottom ${tag}: I tried`;
  const nestedDraft = `Half-typed under the answer ${tag}: which firmware`;

  // Reader A asks a question and stays on its page.
  await becomeMember(page, mail, uniqueEmail("live-reader"));
  await page.goto("/p/kestrel-n4-1-tb-nvme-ssd");
  await page.getByRole("link", { name: "Ask a question" }).click();
  await page.getByLabel("Type of post").selectOption("QUESTION");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Details").fill("Every few minutes the second screen goes black for a second.");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadUrl = page.url();
  // Open the page afresh and wait until its event stream is connected (its headers arrived).
  const connected = page.waitForResponse((response) => /\/api\/threads\/[^/]+\/events/.test(response.url()) && response.status() === 200);
  await page.goto(threadUrl);
  await connected;
  // Gone if the page reloads.
  await page.evaluate(() => ((window as unknown as { liveMarker: string }).liveMarker = "still here"));

  // Member B answers from their own browser.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await becomeMember(other, mail, uniqueEmail("live-answerer"));
  await other.goto(threadUrl);
  await other.getByRole("textbox", { name: "Reply" }).last().fill(firstReply);
  await other.getByRole("button", { name: "Post reply" }).last().click();
  await expect(other.locator(".prose-post", { hasText: firstReply })).toBeVisible();

  // A sees it without reloading, announced politely with a link to it.
  await expect(page.locator(".prose-post", { hasText: firstReply })).toBeVisible({ timeout: 10_000 });
  const status = page.getByRole("status").filter({ hasText: "A new reply was posted." });
  await expect(status).toBeVisible();
  await expect(status.getByRole("link", { name: "Show the new reply" })).toHaveAttribute("href", /\?post=[a-z0-9]+#post-[a-z0-9]+$/);

  // A starts a reply at the bottom, then another in the "Reply" disclosure under B's answer,
  // and is still typing there when B posts again.
  const bottomBox = page.getByRole("textbox", { name: "Reply" }).last();
  await bottomBox.fill(bottomDraft);
  const answer = page.locator('[id^="post-"]').filter({ hasText: firstReply }).first();
  await answer.getByText("Reply", { exact: true }).first().click();
  const nestedBox = answer.getByRole("textbox", { name: "Reply" });
  await nestedBox.click();
  await nestedBox.pressSequentially(nestedDraft);

  await other.getByRole("textbox", { name: "Reply" }).last().fill(secondReply);
  await other.getByRole("button", { name: "Post reply" }).last().click();
  await expect(other.locator(".prose-post", { hasText: secondReply })).toBeVisible();

  await expect(page.locator(".prose-post", { hasText: secondReply })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("status").filter({ hasText: "2 new replies were posted." })).toBeVisible();
  // Nothing A typed was touched, the disclosure is still open and the caret never left it.
  await expect(nestedBox).toBeVisible();
  await expect(nestedBox).toHaveValue(nestedDraft);
  await expect(nestedBox).toBeFocused();
  await expect(bottomBox).toHaveValue(bottomDraft);
  expect(await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe("still here");
  // …and A can keep typing where they were.
  await page.keyboard.type(" works?");
  await expect(nestedBox).toHaveValue(`${nestedDraft} works?`);

  // The announcement passes axe in both colour schemes (the fixture only re-checks fresh loads).
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `live announcement (${colorScheme})`);
  }
  await otherContext.close();
});
