import { randomBytes } from "node:crypto";
import { test, expect } from "../support/test";

test("in development, any seeded demo account signs in with one click", async ({ page }) => {
  await page.goto("/signin?callbackUrl=%2Faccount");
  const demo = page.getByRole("region", { name: "Demo accounts (development only)" });
  await expect(demo).toBeVisible();
  expect(await demo.getByRole("button", { name: /^Sign in as / }).count()).toBeGreaterThanOrEqual(12);

  await demo.getByRole("button", { name: /^Sign in as Maya/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("moderator@demo.entraide.test")).toBeVisible();
});

test("in development, a sign-in link is read from the development mailbox", async ({ page }) => {
  const email = `newcomer-${randomBytes(4).toString("hex")}@example.org`;
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();

  await page.getByRole("link", { name: "Open the development mailbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Development mailbox" })).toBeVisible();
  const message = page.getByRole("listitem").filter({ hasText: email });
  await message.getByRole("link", { name: /sign-in link/i }).click();

  await page.getByRole("link", { name: "Headers" }).click();
  await expect(page.getByRole("rowheader", { name: /^Message-ID$/i })).toBeVisible();
  // A sign-in link is transactional: no list headers.
  await expect(page.getByRole("rowheader", { name: /^List-/i })).toHaveCount(0);

  await page.getByRole("link", { name: "Plain text" }).click();
  await page.getByRole("link", { name: /\/api\/auth\/callback\/email\?/ }).click();
  await expect(page).toHaveURL(/localhost:\d+\/$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("in development, the membership pages hydrate without errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));

  await page.goto("/signin?callbackUrl=%2Fjoin");
  // Liam is one of the demo customers who never joined, so /join offers the choices.
  await page.getByRole("button", { name: /^Sign in as Liam/ }).click();
  await expect(page).toHaveURL(/\/join$/);
  await expect(page.getByRole("button", { name: "Save my choices" })).toBeVisible();
  for (const path of ["/account", "/account/consents", "/account/data"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.waitForTimeout(1_000);
  expect(errors).toEqual([]);
});
