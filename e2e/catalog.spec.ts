import { test, expect, expectAccessible } from "./support/test";

test("the seeded catalog renders, from the home page to a product, without horizontal scrolling", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Browse by category" })).toBeVisible();
  const categoryLinks = page.getByRole("heading", { level: 3 }).getByRole("link");
  expect(await categoryLinks.count()).toBeGreaterThanOrEqual(6);
  await expectNoHorizontalScroll(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "All categories" })).toBeVisible();

  await page.goto("/");
  await page.getByRole("link", { name: "SSDs", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "SSDs" })).toBeVisible();
  await expectNoHorizontalScroll(page);

  const firstProduct = page.getByRole("heading", { level: 3 }).getByRole("link").first();
  const productName = (await firstProduct.textContent())?.trim() ?? "";
  await firstProduct.click();
  await expect(page.getByRole("heading", { level: 1, name: productName })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Product facts" })).toBeVisible();
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumb.getByRole("link", { name: "SSDs" })).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test("keyboard users can skip to the content", async ({ page }) => {
  await page.goto("/categories");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("an unknown product is a localized 404, not a crash", async ({ page }) => {
  const response = await page.goto("/p/no-such-product-anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We can’t find this page" })).toBeVisible();
  await expectAccessible(page);
});

test("the interface follows the browser's language and the header switch", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "accept-language": "fr-FR,fr;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/categories");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("navigation", { name: "Fil d’Ariane" })).toBeVisible();

  // The header switch overrides what the browser asks for, and the choice sticks.
  await page.getByRole("group", { name: "Langue" }).getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeVisible();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await context.close();
});

async function expectNoHorizontalScroll(page: import("@playwright/test").Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "page scrolls horizontally").toBeLessThanOrEqual(0);
}
