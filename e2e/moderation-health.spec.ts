import { test, expect, expectAccessible } from "./support/test";
import { signInWithEmailLink } from "./support/sign-in";

const MODERATOR = "moderator@demo.entraide.test";
// A seeded customer who is a member (README): no moderation permission.
const MEMBER = "alice@demo.entraide.test";

const CHARTS = [
  "Members and customers",
  "Joins and leaves per week",
  "E-mail unsubscribe rate per list",
  "Questions asked and solved per week",
  "Median time to first answer and to solution",
  "Active members per week",
  "Review queue",
];

test("a moderator sees community health: every chart with its summary and its table, any window, no sideways scroll", async ({ page, mail }) => {
  // Seven charts and their tables, in several windows, each page checked by axe in both schemes.
  test.slow();
  await page.goto("/moderation/health");
  await signInWithEmailLink(page, mail, MODERATOR);
  // Signing in from anywhere under /moderation comes back to the dashboard; then its Health section.
  await page.getByRole("navigation", { name: "Moderation" }).getByRole("link", { name: "Community health" }).click();
  await expect(page).toHaveURL(/\/moderation\/health$/);
  await expect(page.getByRole("heading", { level: 1, name: "Community health" })).toBeVisible();
  await expect(page.getByRole("link", { name: "12 weeks" })).toHaveAttribute("aria-current", "page");

  for (const title of CHARTS) {
    const card = page.getByRole("region", { name: title, exact: true });
    await expect(card.getByRole("heading", { level: 2, name: title })).toBeVisible();
    // The text summary, and (when there is data) the numbers behind a "Show the numbers" disclosure.
    await expect(card.locator("p").first()).not.toBeEmpty();
    // The seed sends no e-mail, but other specs sharing this database may have: that chart is
    // either its "nothing sent" summary alone or drawn with its numbers; the six others are drawn.
    if (title === "E-mail unsubscribe rate per list") {
      await expect(card.getByText("No e-mail was sent and nobody unsubscribed in this period.").or(card.getByText("Show the numbers"))).toBeVisible();
    } else {
      await expect(card.getByText("Show the numbers")).toBeVisible();
    }
  }
  const unsubscribeChartDrawn = await page.getByRole("region", { name: "E-mail unsubscribe rate per list", exact: true }).getByText("Show the numbers").count();
  await expect(page.locator("[role=img] .recharts-wrapper > svg")).toHaveCount(6 + unsubscribeChartDrawn);
  await expect(page.locator("[role=img] .recharts-wrapper > svg").first()).toBeVisible();

  // The table alternative opens with the keyboard and has one row per week.
  const joins = page.getByRole("region", { name: "Joins and leaves per week", exact: true });
  await joins.getByText("Show the numbers").focus();
  await page.keyboard.press("Enter");
  const table = joins.getByRole("table", { name: "Joins and leaves per week" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["Week starting", "Joins", "Leaves"]);
  await expect(table.locator("tbody tr")).toHaveCount(12);

  // Another window: 4 weeks.
  await page.getByRole("link", { name: "4 weeks" }).click();
  await expect(page).toHaveURL(/\/moderation\/health\?weeks=4$/);
  await expect(page.getByRole("link", { name: "4 weeks" })).toHaveAttribute("aria-current", "page");
  const questions = page.getByRole("region", { name: "Questions asked and solved per week", exact: true });
  await questions.getByText("Show the numbers").click();
  await expect(questions.getByRole("table").locator("tbody tr")).toHaveCount(4);

  // Every table open: still no serious axe violation, in both colour schemes.
  const closed = page.locator("details:not([open]) > summary");
  for (let left = await closed.count(); left > 0; left -= 1) {
    await closed.first().click();
    await expect(closed).toHaveCount(left - 1);
  }
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `community health, tables open (${colorScheme})`);
  }

  // Fits the viewport (the mobile-360 project runs this at 360 px).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const chart of await page.locator("[role=img] .recharts-wrapper > svg").all()) {
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }

  // An unknown window is a 404, like any malformed address.
  const unknown = await page.goto("/moderation/health?weeks=5");
  expect(unknown?.status()).toBe(404);
});

test("a member gets a 404 for community health", async ({ page, mail }) => {
  await page.goto("/moderation/health");
  await signInWithEmailLink(page, mail, MEMBER);
  await expect(page.getByRole("heading", { level: 1, name: "We can’t find this page" })).toBeVisible();
  const response = await page.goto("/moderation/health");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Community health")).toHaveCount(0);
});
