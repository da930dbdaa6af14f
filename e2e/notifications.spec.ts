import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible } from "./support/test";
import { becomeMember } from "./support/membership";
import { uniqueEmail } from "./support/shop";

// In-app notifications: member A answers member B's question; B, on another page, sees the
// bell's count go up without a reload (server-sent events fed by the fan-out's NOTIFY), opens
// /notifications, follows the item to the answer (which marks it read), then marks all read.

const bell = (page: Page) => page.getByRole("link", { name: /^Notifications, / });

test("a reply to my question raises the bell live; the list links to it, opening marks it read, and “Mark all read” clears the rest", async ({ page, browser, mail }) => {
  test.slow();
  const tag = randomBytes(3).toString("hex");
  const title = `My NVMe drive is not detected after sleep ${tag}`;
  const firstAnswer = `Disable link power management ${tag}.`;

  // B asks a question.
  await becomeMember(page, mail, uniqueEmail("notified-asker"));
  await page.goto("/p/kestrel-n4-1-tb-nvme-ssd");
  await page.getByRole("link", { name: "Ask a question" }).click();
  await page.getByLabel("Type of post").selectOption("QUESTION");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Details").fill("After waking the laptop the drive is gone until a reboot.");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadUrl = page.url();

  // B goes elsewhere and waits until the bell's event stream is connected.
  const connected = page.waitForResponse((response) => response.url().endsWith("/api/notifications/events") && response.status() === 200);
  await page.goto("/search");
  await connected;
  await expect(bell(page)).toHaveAccessibleName("Notifications, none unread");
  await page.evaluate(() => ((window as unknown as { liveMarker: string }).liveMarker = "still here"));

  // A answers from their own browser.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await becomeMember(other, mail, uniqueEmail("notifying-answerer"));
  await other.goto(threadUrl);
  await other.getByRole("textbox", { name: "Reply" }).last().fill(firstAnswer);
  await other.getByRole("button", { name: "Post reply" }).last().click();
  await expect(other.locator(".prose-post", { hasText: firstAnswer })).toBeVisible();

  // B's bell goes up without a reload, and it is announced politely.
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread", { timeout: 15_000 });
  await expect(page.getByRole("status").filter({ hasText: "New notification: 1 unread" })).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe("still here");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `bell with a count (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // The list shows what happened, unread (labelled, not by colour alone).
  await bell(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const item = page.getByTestId("notification").filter({ hasText: title });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("answered your question");
  await expect(item).toContainText("Unread");
  await expect(item).toContainText("Product: Kestrel N4");

  // Following it opens the answer's permalink and marks it read.
  await item.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(/\/t\/[^?]+\?post=[a-z0-9]+#post-[a-z0-9]+$/);
  await expect(page.locator(".prose-post", { hasText: firstAnswer })).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications, none unread");
  await page.goto("/notifications");
  await expect(page.getByTestId("notification").filter({ hasText: title })).toHaveAttribute("data-read", "true");
  await expect(page.getByTestId("notification").filter({ hasText: title })).not.toContainText("Unread");

  // Two more answers; "Mark all read" clears both (keyboard only).
  for (const n of [2, 3]) {
    await other.getByRole("textbox", { name: "Reply" }).last().fill(`Answer ${n} ${tag}.`);
    await other.getByRole("button", { name: "Post reply" }).last().click();
    await expect(other.locator(".prose-post", { hasText: `Answer ${n} ${tag}.` })).toBeVisible();
  }
  await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread", { timeout: 15_000 });
  await page.reload();
  await expect(page.getByTestId("notification").and(page.locator('[data-read="false"]'))).toHaveCount(2);
  const markAll = page.getByRole("button", { name: "Mark all read" });
  await markAll.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "All notifications are marked as read." })).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications, none unread");
  await expect(page.getByTestId("notification").and(page.locator('[data-read="false"]'))).toHaveCount(0);
  await expect(markAll).toHaveCount(0);
  await otherContext.close();
});

test("signed out: no bell, /notifications asks to sign in, and the event stream is a 401 problem", async ({ page, request }) => {
  await page.goto("/");
  await expect(bell(page)).toHaveCount(0);
  await page.goto("/notifications");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnotifications$/);
  const response = await request.get("/api/notifications/events");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
});
