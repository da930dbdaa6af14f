import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { test, expect, type MailSink, type SentMail } from "./support/test";
import { becomeMember } from "./support/membership";
import { uniqueEmail } from "./support/shop";

// A product no other spec watches or posts about, so every alert here comes from this test.
const PRODUCT = { path: "/p/forge-volt-12-gb-graphics-card", name: "Forge Volt 12 GB Graphics Card" };

/** Does something that saves a choice and waits until the server action has answered. */
async function andSaved(page: Page, act: () => Promise<void>) {
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
  await act();
  // The response arrives once the action has run and committed; its streamed body (the refreshed
  // page) may be cut short by the router, so waiting for the body to finish can hang.
  await saved;
}

/** Becomes a member and watches the product at "New threads" with e-mail on, with the Watch menu. */
async function watchWithEmail(page: Page, mail: MailSink, email: string) {
  await becomeMember(page, mail, email);
  await page.goto(PRODUCT.path);
  await page.getByRole("button", { name: "Watch: Normal" }).click();
  const menu = page.getByRole("menu", { name: `Alerts about ${PRODUCT.name}` });
  await andSaved(page, () => menu.getByRole("menuitemradio", { name: "New threads" }).click());
  await page.getByRole("button", { name: "Watching: New threads" }).click();
  await andSaved(page, () => page.getByRole("switch", { name: "E-mail me too" }).click());
  await expect(page.getByRole("switch", { name: "E-mail me too" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
}

async function emailSwitchState(page: Page): Promise<string | null> {
  await page.goto(PRODUCT.path);
  await page.getByRole("button", { name: "Watching: New threads" }).click();
  const state = await page.getByRole("switch", { name: "E-mail me too" }).getAttribute("aria-checked");
  await page.keyboard.press("Escape");
  return state;
}

async function postThread(page: Page, title: string) {
  await page.goto(PRODUCT.path);
  await page.getByRole("link", { name: "Ask a question" }).click();
  await page.getByLabel("Type of post").selectOption("QUESTION");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Details").fill("The fans spin up to full speed as soon as a game starts. Is that expected?");
  // Enter on the focused button, not a click: the similar-questions list appears above it while
  // the title is typed and can move the button under a pointer (the click then opens a link).
  await page.getByRole("button", { name: "Post", exact: true }).press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

async function newMemberPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

const header = (message: SentMail, name: string) => message.headerLines.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
const subjectFor = (title: string) => new RegExp(`^New thread about ${PRODUCT.name}: ${title}$`);

test("an e-mail alert carries one-click unsubscribe headers; a mail provider's POST (no cookies) unsubscribes with 200; GET changes nothing; the next thread sends nothing", async ({ page, browser, mail, playwright }) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const watcherEmail = uniqueEmail("alerted");
  await watchWithEmail(page, mail, watcherEmail);
  // A second watcher, still subscribed at the end: proves the last thread's e-mails did go out.
  const control = await newMemberPage(browser);
  const controlEmail = uniqueEmail("control");
  await watchWithEmail(control.page, mail, controlEmail);

  // Another member posts a new thread about the product.
  const author = await newMemberPage(browser);
  await becomeMember(author.page, mail, uniqueEmail("poster"));
  const firstTitle = `Fans at full speed ${tag}`;
  await postThread(author.page, firstTitle);

  const alert = await mail.waitFor(watcherEmail, subjectFor(firstTitle));
  const [listUnsubscribe, ...others] = header(alert, "List-Unsubscribe");
  expect(others).toEqual([]);
  expect(listUnsubscribe).toMatch(/^List-Unsubscribe: <http:\/\/localhost:\d+\/unsubscribe\/[A-Za-z0-9_.-]+>$/);
  expect(header(alert, "List-Unsubscribe-Post")).toEqual(["List-Unsubscribe-Post: List-Unsubscribe=One-Click"]);
  expect(header(alert, "List-Id")).toEqual([expect.stringMatching(/^List-Id: "Alerts about Forge Volt 12 GB Graphics Card" <product-[a-z0-9]+\.localhost>$/i)]);
  expect(header(alert, "Message-ID")).toEqual([expect.stringMatching(/^Message-ID: <delivery-\d+@localhost>$/i)]);
  expect(alert.text).toContain(`You get this because you chose to watch ${PRODUCT.name} (New threads) on`);
  expect((await mail.all(watcherEmail)).filter((m) => subjectFor(firstTitle).test(m.subject))).toHaveLength(1);
  const unsubscribeUrl = listUnsubscribe!.slice("List-Unsubscribe: <".length, -1);

  // GET (and a look at the page) changes nothing: one button, the preference-center link.
  const anonymous = await newMemberPage(browser);
  await anonymous.page.goto(unsubscribeUrl);
  await expect(anonymous.page.getByRole("heading", { level: 1, name: `Unsubscribe from Alerts about ${PRODUCT.name}?` })).toBeVisible();
  await expect(anonymous.page.getByRole("button")).toHaveCount(1);
  await expect(anonymous.page.getByRole("link", { name: "Manage all your e-mail preferences" })).toHaveAttribute("href", /\/preferences\//);
  await page.goto(unsubscribeUrl); // axe checks it (light and dark) after the test
  expect(await emailSwitchState(page)).toBe("true");

  // The mail provider's one-click POST: no cookies, no Origin, no CSRF token.
  const provider = await playwright.request.newContext();
  const response = await provider.post(unsubscribeUrl, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["location"]).toBeUndefined();
  expect(await response.text()).toContain(`You are unsubscribed from Alerts about ${PRODUCT.name}`);
  // Repeating it is harmless.
  expect((await provider.post(unsubscribeUrl, { multipart: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 })).status()).toBe(200);
  await provider.dispose();
  expect(await emailSwitchState(page)).toBe("false");

  // The next thread: the control watcher gets it, the unsubscribed one does not.
  const secondTitle = `Coil whine at 144 fps ${tag}`;
  await postThread(author.page, secondTitle);
  await mail.waitFor(controlEmail, subjectFor(secondTitle));
  expect((await mail.all(watcherEmail)).filter((m) => subjectFor(secondTitle).test(m.subject))).toEqual([]);

  await Promise.all([control.context.close(), author.context.close(), anonymous.context.close()]);
});
