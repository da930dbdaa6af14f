import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { becomeMember } from "./support/membership";
import { uniqueEmail } from "./support/shop";

/** Presses a reaction toggle and waits until the server action that saves it has answered. */
async function pressAndSave(page: Page, press: () => Promise<void>) {
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
  await press();
  // The action has run (and committed) before its response starts.
  await saved;
}

test("votes toggle: helpful on someone else's reply and “I have this question too”, saved across reloads, by mouse and keyboard", async ({ page, browser, mail }) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const title = `The fan rattles after the firmware update ${tag}`;
  const answer = `Reseat the fan cable, it fixed mine ${tag}.`;

  // The asker posts a question.
  await becomeMember(page, mail, uniqueEmail("voter-asker"));
  await page.goto("/p/kestrel-n4-1-tb-nvme-ssd");
  await page.getByRole("link", { name: "Ask a question" }).click();
  await page.getByLabel("Type of post").selectOption("QUESTION");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Details").fill("Since yesterday's update the fan rattles at idle. Anyone else?");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadUrl = page.url();
  const threadPath = new URL(threadUrl).pathname;

  // Another member answers.
  const helperContext = await browser.newContext();
  const helper = await helperContext.newPage();
  await becomeMember(helper, mail, uniqueEmail("voter-helper"));
  await helper.goto(threadUrl);
  await helper.getByRole("textbox", { name: "Reply" }).last().fill(answer);
  await helper.getByRole("button", { name: "Post reply" }).last().click();
  await expect(helper.locator(".prose-post", { hasText: answer })).toBeVisible();
  // Nobody votes for their own post: the helper's reply has no Helpful button for them.
  const helperReply = helper.locator('[id^="post-"]').filter({ hasText: answer }).first();
  await expect(helperReply.getByRole("button", { name: /^Helpful/ })).toHaveCount(0);

  // The asker marks the reply helpful (mouse): pressed at once, count + 1, still so after a reload.
  await page.reload();
  const reply = page.locator('[id^="post-"]').filter({ hasText: answer }).first();
  const helpful = reply.getByRole("button", { name: /^Helpful/ });
  await expect(helpful).toHaveAttribute("aria-pressed", "false");
  await expect(helpful).toHaveText(/Helpful · 0/);
  await pressAndSave(page, () => helpful.click());
  await expect(helpful).toHaveAttribute("aria-pressed", "true");
  await expect(helpful).toHaveText(/Helpful · 1/);
  await page.reload();
  await expect(helpful).toHaveAttribute("aria-pressed", "true");
  await expect(helpful).toHaveText(/Helpful · 1/);
  // The reply's author sees the count, not a button.
  await helper.reload();
  await expect(helperReply.getByText("1 member found this helpful")).toBeVisible();

  // Clicked again: the vote is taken back.
  await pressAndSave(page, () => helpful.click());
  await expect(helpful).toHaveAttribute("aria-pressed", "false");
  await expect(helpful).toHaveText(/Helpful · 0/);
  await page.reload();
  await expect(helpful).toHaveAttribute("aria-pressed", "false");
  await expect(helpful).toHaveText(/Helpful · 0/);

  // The asker can't say "I have this question too" about their own question.
  await expect(page.getByRole("button", { name: /^I have this question too/ })).toHaveCount(0);

  // The helper has the same problem, and says so with the keyboard (Space, then Enter).
  const meToo = helper.getByRole("button", { name: /^I have this question too/ });
  await expect(meToo).toHaveAttribute("aria-pressed", "false");
  await expect(meToo).toHaveText(/I have this question too · 0/);
  await meToo.focus();
  await pressAndSave(helper, () => helper.keyboard.press("Space"));
  await expect(meToo).toHaveAttribute("aria-pressed", "true");
  await expect(meToo).toHaveText(/I have this question too · 1/);
  await helper.reload();
  await expect(meToo).toHaveAttribute("aria-pressed", "true");
  await expect(meToo).toHaveText(/I have this question too · 1/);
  // Everyone else sees the count under the question.
  await page.reload();
  await expect(page.getByText("1 person has this question too")).toBeVisible();

  await meToo.focus();
  await pressAndSave(helper, () => helper.keyboard.press("Enter"));
  await expect(meToo).toHaveAttribute("aria-pressed", "false");
  await expect(meToo).toHaveText(/I have this question too · 0/);
  await helper.reload();
  await expect(meToo).toHaveAttribute("aria-pressed", "false");
  await helperContext.close();

  // A signed-out visitor reads the thread and gets a sign-in link instead of the buttons.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(threadUrl);
  await expect(visitor.locator(".prose-post", { hasText: answer })).toBeVisible();
  await expect(visitor.getByRole("button", { name: /^Helpful/ })).toHaveCount(0);
  await expect(visitor.getByRole("button", { name: /^I have this question too/ })).toHaveCount(0);
  const signIn = visitor.getByRole("link", { name: "Sign in to vote" }).first();
  await expect(signIn).toBeVisible();
  await expect(signIn).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(threadPath)}`);
  await visitorContext.close();
});
