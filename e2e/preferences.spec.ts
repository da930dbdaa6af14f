import type { Page } from "@playwright/test";
import { getConsentText } from "../lib/consent/consent-texts";
import { test, expect } from "./support/test";
import { becomeMember } from "./support/membership";
import { expectNothingPreTicked } from "./support/no-pre-ticked-controls";
import { currentUserId, preferenceLinkPath, signE2eToken } from "./support/preference-token";
import { uniqueEmail } from "./support/shop";

const PRODUCT = { path: "/p/kestrel-n4-1-tb-nvme-ssd", name: "Kestrel N4 1 TB NVMe SSD" };

/** Does something that saves a choice and waits until the server action has answered. */
async function andSaved(page: Page, act: () => Promise<void>) {
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
  await act();
  // The response arrives once the action has run and committed; its streamed body (the refreshed
  // page) may be cut short by the router, so waiting for the body to finish can hang.
  await saved;
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

async function watchProductEverything(page: Page) {
  await page.goto(PRODUCT.path);
  const menu = page.getByRole("menu", { name: `Alerts about ${PRODUCT.name}` });
  // A click before hydration opens nothing: try again until the menu is there.
  await expect(async () => {
    if (!(await menu.isVisible())) await page.getByRole("button", { name: "Watch: Normal" }).click();
    await expect(menu).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await andSaved(page, () => menu.getByRole("menuitemradio", { name: "Everything" }).click());
  await expect(page.getByRole("button", { name: "Watching: Everything" })).toBeVisible();
}

test("a new member's preference center: e-mail off and in-app on everywhere, nothing chosen for them; a switch used with the keyboard is ledgered", async ({ page, mail }) => {
  test.slow();
  await becomeMember(page, mail, uniqueEmail("prefs"));
  await page.goto("/account");
  await page.getByRole("link", { name: "Notification preferences" }).click();
  await expect(page).toHaveURL(/\/account\/preferences$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notification preferences" })).toBeVisible();
  await expect(page.getByText("You aren’t subscribed to anything.", { exact: false })).toBeVisible();

  // Five events × two channels: every e-mail switch off, every in-app switch on (the documented default), pause off.
  const emailSwitches = page.locator('[role="switch"][data-channel="email"]');
  const inAppSwitches = page.locator('[role="switch"][data-channel="inApp"]');
  await expect(emailSwitches).toHaveCount(5);
  await expect(inAppSwitches).toHaveCount(5);
  for (const control of await emailSwitches.all()) await expect(control).toHaveAttribute("aria-checked", "false");
  for (const control of await inAppSwitches.all()) await expect(control).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("switch", { name: "Pause all e-mail" })).toHaveAttribute("aria-checked", "false");
  expect(await expectNothingPreTicked(page, { reflectsSaved: '[data-channel="inApp"]' })).toBeGreaterThanOrEqual(11);
  // The consent texts are shown verbatim beside the switches.
  await expect(page.getByText(getConsentText("PERSONAL_NOTIFICATIONS", "GRANTED", "en").body, { exact: true })).toBeVisible();
  await expect(page.getByText(getConsentText("ALERT_EMAIL", "WITHDRAWN", "en").body, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unsubscribe from everything" })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // Keyboard only: focus the switch, Space turns it on, Enter turns it off; each result is announced.
  const mentions = page.getByRole("switch", { name: "Mentions of me: By e-mail" });
  await mentions.focus();
  await andSaved(page, () => page.keyboard.press("Space"));
  await expect(mentions).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("status").filter({ hasText: "Mentions of me, By e-mail: On." })).toBeVisible();
  await expect(mentions).toBeFocused();
  await andSaved(page, () => page.keyboard.press("Enter"));
  await expect(mentions).toHaveAttribute("aria-checked", "false");
  await expect(page.getByRole("status").filter({ hasText: "Mentions of me, By e-mail: Off." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Mentions of me: By e-mail" })).toHaveAttribute("aria-checked", "false");

  // The ledger: a grant then a withdrawal, from the preference center, newest first.
  await page.goto("/account/consents");
  const rows = page.getByRole("article");
  await expect(rows.nth(0).getByRole("heading", { level: 2 })).toHaveText("Personal notifications: Withdrawn");
  await expect(rows.nth(0)).toContainText("Preference center");
  await expect(rows.nth(1).getByRole("heading", { level: 2 })).toHaveText("Personal notifications: Granted");
  await expect(rows.nth(1)).toContainText("Preference center");
  await rows.nth(1).locator("summary").click();
  await expect(rows.nth(1).getByText(getConsentText("PERSONAL_NOTIFICATIONS", "GRANTED", "en").body, { exact: true })).toBeVisible();
});

test("the signed link from an e-mail works signed out: it stops a subscription and unsubscribes from everything, and offers nothing that raises", async ({ page, mail }) => {
  test.slow();
  const email = uniqueEmail("linked");
  await becomeMember(page, mail, email);
  await watchProductEverything(page);
  await page.goto("/account/preferences");
  await expect(page.getByText(`You chose Everything on ${PRODUCT.name}, from the product page, on`)).toBeVisible();
  await andSaved(page, () => page.getByRole("switch", { name: "Replies to my posts: By e-mail" }).click());
  await expect(page.getByRole("switch", { name: "Replies to my posts: By e-mail" })).toHaveAttribute("aria-checked", "true");
  const userId = await currentUserId(page);

  // Signed out now: the link alone opens this member's e-mail preferences.
  await page.context().clearCookies();
  await page.goto(preferenceLinkPath(userId));
  await expect(page.getByRole("heading", { level: 1, name: "Your e-mail preferences" })).toBeVisible();
  const [name, domain] = email.split("@") as [string, string];
  await expect(page.getByText(`E-mail preferences for ${name[0]}•••${name.at(-1)}@${domain[0]}•••.com.`)).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in to change more" })).toBeVisible();
  // Only lowering: no switch, no level form, no unmute, no delivery settings, no resume.
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(page.getByText("Change level or e-mail")).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expectNothingPreTicked(page);
  await expectNoHorizontalScroll(page);

  await andSaved(page, () => page.getByRole("button", { name: `Stop alerts about ${PRODUCT.name}` }).click());
  await expect(page.getByRole("status").filter({ hasText: `Stopped: ${PRODUCT.name}.` })).toBeVisible();
  await expect(page.getByText("You aren’t subscribed to anything: there is nothing to stop.")).toBeVisible();

  await page.getByRole("button", { name: "Unsubscribe from everything" }).click();
  await andSaved(page, () => page.getByRole("button", { name: "Yes, unsubscribe" }).click());
  await expect(page.getByRole("status").filter({ hasText: "Done: 1 e-mail switch turned off." })).toBeVisible();
  await page.reload();
  await expect(page.getByText("You receive no e-mail about things that concern you.")).toBeVisible();
});

test("every invalid preference link gets the same not-found page", async ({ page }) => {
  const valid = signE2eToken("preferences", "no-such-member-id-0000000");
  const [kid, payload, mac] = valid.split(".") as [string, string, string];
  const candidates = [
    valid, // well signed, but nobody has that id
    valid.slice(0, -3), // truncated
    `${kid}.${payload}`, // MAC missing
    `${kid}.${Buffer.from("someone-else-0000000000").toString("base64url")}.${mac}`, // another recipient under the same MAC
    signE2eToken("invitation", "no-such-member-id-0000000"), // another kind of token
    signE2eToken("preferences", "no-such-member-id-0000000", { kid: "e2e", secret: "not-the-server-secret-not-the-server-secret" }), // forged
    "garbage",
  ];
  const answers: { status: number | undefined; text: string }[] = [];
  for (const token of candidates) {
    const response = await page.goto(`/preferences/${encodeURIComponent(token)}`);
    answers.push({ status: response?.status(), text: (await page.locator("main").innerText()).trim() });
  }
  expect(answers[0]!.status).toBe(404);
  for (const answer of answers) expect(answer).toEqual(answers[0]);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Your e-mail preferences");
});
