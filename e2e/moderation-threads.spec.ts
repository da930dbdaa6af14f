import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import type { MailSink } from "./support/test";
import { becomeMember } from "./support/membership";
import { uniqueEmail } from "./support/shop";
import { signInWithEmailLink } from "./support/sign-in";

const MODERATOR = "moderator@demo.entraide.test";
const PRODUCT_SLUG = "kestrel-n4-1-tb-nvme-ssd";
const OTHER_PRODUCT = "Nimbus S3 1 TB SATA SSD";

/** A new member in their own browser context (each test makes its own people and threads). */
async function newMember(browser: Browser, mail: MailSink, label: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(label);
  await becomeMember(page, mail, email);
  return { context, page, email };
}

/** The moderator, signed in by e-mail link, on `path`. */
async function moderatorOn(browser: Browser, mail: MailSink, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await signInWithEmailLink(page, mail, MODERATOR);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}$`));
  return { context, page };
}

async function askQuestion(page: Page, title: string, body: string): Promise<string> {
  await page.goto(`/p/${PRODUCT_SLUG}/ask`);
  await page.getByLabel("Type of post").selectOption("QUESTION");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Details").fill(body);
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function reply(page: Page, text: string): Promise<string> {
  await page.getByRole("textbox", { name: "Reply" }).last().fill(text);
  await page.getByRole("button", { name: "Post reply" }).last().click();
  const post = page.locator('[id^="post-"]').filter({ has: page.locator(".prose-post", { hasText: text }) }).last();
  await expect(post).toBeVisible();
  return (await post.getAttribute("id"))!.replace(/^post-/, "");
}

/** Nothing sticks out sideways (the mobile-360 project runs every test at 360 px). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Opens one of the toolbar's disclosures and submits it with a reason. */
async function moderate(page: Page, summary: string, reason: string, submit: string, fill?: (page: Page) => Promise<void>) {
  const tools = page.getByRole("region", { name: "Moderator tools" });
  await tools.getByText(summary, { exact: true }).click();
  const details = tools.locator("details[open]");
  await fill?.(page);
  await details.getByLabel("Reason").fill(reason);
  await details.getByRole("button", { name: submit, exact: true }).click();
}

test("a moderator merges a duplicate question: the old URL and an old permalink land on the target with the moved posts", async ({ browser, mail }) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const asker = await newMember(browser, mail, "merge-asker");
  const target = await askQuestion(asker.page, `Firmware update bricked the drive ${tag}`, `After updating, the drive is not detected ${tag}.`);
  const duplicate = await askQuestion(asker.page, `Drive gone after firmware update ${tag}`, `Same here, no drive in the BIOS ${tag}.`);
  const answer = `Hold the drive powered for 30 minutes to let it recover ${tag}.`;
  const helper = await newMember(browser, mail, "merge-helper");
  await helper.page.goto(duplicate);
  const movedReplyId = await reply(helper.page, answer);

  const moderator = await moderatorOn(browser, mail, duplicate);
  await moderate(moderator.page, "Merge into another thread", "Same question as the older thread", "Merge", async (page) => {
    await page.getByLabel("Thread to merge into").fill(`http://localhost${target}`);
  });
  // The moderator lands on the target, which now holds the duplicate's question and its reply.
  await expect(moderator.page).toHaveURL(new RegExp(`${target}$`));
  await expect(moderator.page.locator(".prose-post", { hasText: `Same here, no drive in the BIOS ${tag}.` })).toBeVisible();
  await expect(moderator.page.locator(".prose-post", { hasText: answer })).toBeVisible();

  // Readers with the old address, or an old permalink to the reply, arrive on the target.
  const reader = asker.page;
  await reader.goto(duplicate);
  await expect(reader).toHaveURL(new RegExp(`${target}$`));
  await expect(reader.getByRole("heading", { level: 1, name: `Firmware update bricked the drive ${tag}` })).toBeVisible();
  await reader.goto(`${duplicate}?post=${movedReplyId}`);
  await expect(reader).toHaveURL(new RegExp(`${target}\\?post=${movedReplyId}`));
  await expect(reader.locator(`#post-${movedReplyId}`)).toContainText(answer);
  // The address without its slug too.
  const oldId = duplicate.split("/")[2]!;
  await reader.goto(`/t/${oldId}`);
  await expect(reader).toHaveURL(new RegExp(`${target}$`));
  await Promise.all([asker.context.close(), helper.context.close(), moderator.context.close()]);
});

test("a moderator moves a thread to another product and locks it: the same URL shows the new product, and the reply form says locked", async ({ browser, mail }) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const asker = await newMember(browser, mail, "move-asker");
  const thread = await askQuestion(asker.page, `Which adapter for a 2.5 inch bay ${tag}`, `My case only has 2.5 inch bays ${tag}.`);

  const moderator = await moderatorOn(browser, mail, thread);
  await moderate(moderator.page, "Move to another product", "Asked about the SATA drive", "Move", async (page) => {
    await page.getByLabel("Product").selectOption({ label: OTHER_PRODUCT });
  });
  await expect(moderator.page.getByRole("status").filter({ hasText: "Thread moved. Its address stays the same." })).toBeVisible();
  await expectNoSidewaysScroll(moderator.page);

  // Same address, new product in the breadcrumb.
  await asker.page.goto(thread);
  await expect(asker.page).toHaveURL(new RegExp(`${thread}$`));
  await expect(asker.page.getByRole("navigation", { name: /breadcrumb/i }).getByRole("link", { name: OTHER_PRODUCT })).toBeVisible();

  await moderator.page.reload();
  await moderate(moderator.page, "Lock the thread", "Answered; please open a new thread", "Lock");
  await expect(moderator.page.getByRole("status").filter({ hasText: "Thread locked: it takes no new replies." })).toBeVisible();
  await asker.page.reload();
  await expect(asker.page.getByText("This thread is locked: it takes no new replies.")).toBeVisible();
  await expect(asker.page.getByRole("button", { name: "Post reply" })).toHaveCount(0);
  await Promise.all([asker.context.close(), moderator.context.close()]);
});

test("a moderator silences a member, who sees until when and why when trying to reply", async ({ browser, mail }) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const member = await newMember(browser, mail, "silenced");
  const thread = await askQuestion(member.page, `Is the heatsink needed in a laptop ${tag}`, `Thin laptop, little room ${tag}.`);

  const moderator = await moderatorOn(browser, mail, "/moderation/members");
  await moderator.page.getByLabel("Name or e-mail").fill(member.email);
  await moderator.page.getByRole("button", { name: "Search" }).click();
  await expect(moderator.page.getByRole("status").filter({ hasText: "1 person" })).toBeVisible();
  await moderator.page.locator('a[href^="/moderation/members/"]').click();
  await expect(moderator.page.getByText(member.email)).toBeVisible();
  await moderator.page.getByText("Silence (cannot post)", { exact: true }).click();
  const form = moderator.page.locator("details[open]");
  await form.getByLabel("Duration").selectOption("1d");
  await form.getByLabel("Reason (shown to the member)").fill(`Insults in replies ${tag}`);
  await form.getByRole("button", { name: "Silence", exact: true }).click();
  // The page re-renders with the sanction in the member's history, in force.
  const history = moderator.page.getByRole("region", { name: "Sanctions" }).getByRole("listitem").filter({ hasText: `Insults in replies ${tag}` });
  await expect(history).toContainText("In force");
  await expectNoSidewaysScroll(moderator.page);

  await member.page.goto(thread);
  await member.page.getByRole("textbox", { name: "Reply" }).last().fill("Let me say one more thing.");
  await member.page.getByRole("button", { name: "Post reply" }).last().click();
  await expect(member.page.getByText(new RegExp(`You can't post until .+\\. Reason: Insults in replies ${tag}`))).toBeVisible();
  // Their account page says so too.
  await member.page.goto("/account");
  await expect(member.page.getByRole("region", { name: "Moderation" }).getByText(`Reason: Insults in replies ${tag}`)).toBeVisible();
  await Promise.all([member.context.close(), moderator.context.close()]);
});
