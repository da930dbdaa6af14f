import type { Page } from "@playwright/test";
import { getConsentText } from "../lib/consent/consent-texts";
import { test, expect, expectAccessible } from "./support/test";
import { becomeMember } from "./support/membership";
import { expectNothingPreTicked } from "./support/no-pre-ticked-controls";
import { signInWithEmailLink } from "./support/sign-in";
import { uniqueEmail } from "./support/shop";

const PRODUCT = { path: "/p/kestrel-n4-1-tb-nvme-ssd", name: "Kestrel N4 1 TB NVMe SSD" };
const CATEGORY_PATH = "/c/ssds";
const THREAD_TITLE = "Battery drains overnight while the lid is closed";

/** Does something that saves a choice and waits until the server action has answered. */
async function andSaved(page: Page, act: () => Promise<void>) {
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
  await act();
  // The response arrives once the action has run and committed; its streamed body (the refreshed
  // page) may be cut short by the router, so waiting for the body to finish can hang.
  await saved;
}

async function openSeededThread(page: Page) {
  await page.goto(`/search?q=${encodeURIComponent(THREAD_TITLE)}`);
  await page.getByRole("link", { name: THREAD_TITLE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: THREAD_TITLE })).toBeVisible();
}

test("a member watches a product with the keyboard (Normal until they choose, e-mail off), mutes a thread, and both are in the consent history", async ({ page, mail }) => {
  test.slow();
  await becomeMember(page, mail, uniqueEmail("watcher"));

  // Closed, the menu ticks nothing; open, only the member's own state (Normal, the default) is checked.
  await page.goto(PRODUCT.path);
  const watch = page.getByRole("button", { name: "Watch: Normal" });
  await expect(watch).toHaveAttribute("aria-expanded", "false");
  await expectNothingPreTicked(page);
  await watch.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: `Alerts about ${PRODUCT.name}` });
  await expect(menu).toBeVisible();
  const items = menu.getByRole("menuitemradio");
  await expect(items).toHaveText([/Everything/, /New threads/, /Normal/, /Muted/]);
  await expect(menu.getByRole("menuitemradio", { name: "Normal" })).toBeFocused();
  await expect(menu.getByRole("menuitemradio", { name: "Normal" })).toHaveAttribute("aria-checked", "true");
  await expect(page.locator('[aria-checked="true"], input:checked')).toHaveCount(1);
  // No e-mail switch at Normal; the grant text is shown verbatim beside the raising choices.
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(page.getByText(getConsentText("PRODUCT_ALERTS", "GRANTED", "en").body, { exact: true })).toBeVisible();

  // Arrow up to "New threads", Enter: saved, the menu closes, focus is back on the button, and it is announced.
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitemradio", { name: "New threads" })).toBeFocused();
  await andSaved(page, () => page.keyboard.press("Enter"));
  await expect(menu).toBeHidden();
  const watching = page.getByRole("button", { name: "Watching: New threads" });
  await expect(watching).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: `You are now watching new threads about ${PRODUCT.name}.` })).toBeVisible();

  // Above Normal the e-mail switch appears, off; Escape closes the menu and returns focus.
  await page.keyboard.press("Enter");
  await expect(menu.getByRole("menuitemradio", { name: "New threads" })).toHaveAttribute("aria-checked", "true");
  const emailSwitch = page.getByRole("switch", { name: "E-mail me too" });
  await expect(emailSwitch).toHaveAttribute("aria-checked", "false");
  await page.getByText("What lowering or stopping means").click();
  await expect(page.getByText(getConsentText("PRODUCT_ALERTS", "WITHDRAWN", "en").body, { exact: true })).toBeVisible();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `product page with the Watch menu open (${colorScheme})`);
  }
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(watching).toBeFocused();

  // Saved for real: still "New threads" after a reload.
  await page.reload();
  await expect(page.getByRole("button", { name: "Watching: New threads" })).toBeVisible();

  // A thread, muted with the mouse (or a tap).
  await openSeededThread(page);
  await page.getByRole("button", { name: "Watch: Normal" }).click();
  const threadMenu = page.getByRole("menu", { name: `Alerts about ${THREAD_TITLE}` });
  await expect(threadMenu.getByRole("menuitemradio")).toHaveText([/Watching/, /Normal/, /Muted/]);
  await andSaved(page, () => threadMenu.getByRole("menuitemradio", { name: "Muted" }).click());
  await expect(page.getByRole("status").filter({ hasText: `“${THREAD_TITLE}” is muted: no alerts from it.` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Muted" })).toBeVisible();

  // The ledger: one grant from the product page with the text shown, one withdrawal from the thread page.
  await page.goto("/account/consents");
  const rows = page.getByRole("article");
  await expect(rows.nth(0).getByRole("heading", { level: 2 })).toHaveText("Thread alerts: Withdrawn");
  await expect(rows.nth(0)).toContainText("Thread page");
  await expect(rows.nth(1).getByRole("heading", { level: 2 })).toHaveText("Product alerts: Granted");
  await expect(rows.nth(1)).toContainText("Product page");
  await rows.nth(1).locator("summary").click();
  await expect(rows.nth(1).getByText(getConsentText("PRODUCT_ALERTS", "GRANTED", "en").body, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Product alerts: Granted" })).toHaveCount(1);
});

test("a signed-out visitor gets a sign-in link that comes back; a signed-in non-member gets a link to join", async ({ page, mail }) => {
  await page.goto(PRODUCT.path);
  await expect(page.getByRole("button", { name: /^Watch/ })).toHaveCount(0);
  const signIn = page.getByRole("link", { name: "Sign in to watch this product" });
  await expect(signIn).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(PRODUCT.path)}`);
  await page.goto(CATEGORY_PATH);
  await expect(page.getByRole("link", { name: "Sign in to watch this category" })).toBeVisible();
  await openSeededThread(page);
  await expect(page.getByRole("link", { name: "Sign in to watch this thread" })).toBeVisible();

  // Signing in from the link lands back on the product; without membership, alerts point to /join.
  await page.goto(PRODUCT.path);
  await page.getByRole("link", { name: "Sign in to watch this product" }).click();
  await signInWithEmailLink(page, mail, uniqueEmail("watch-visitor"));
  await expect(page).toHaveURL(new RegExp(`${PRODUCT.path}$`));
  await expect(page.getByText("Alerts are for community members.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Join the community to watch this product" })).toHaveAttribute("href", "/join");
  await expect(page.getByRole("button", { name: /^Watch/ })).toHaveCount(0);
});
