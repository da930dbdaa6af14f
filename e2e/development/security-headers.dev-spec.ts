import { test, expect } from "../support/test";
import { settled, watchForCspViolations } from "../support/csp-violations";

// The development server needs eval (React's debugging, Fast Refresh) and injects <style> for its
// overlay: its CSP allows those, and nothing else may be reported on the main pages.
test("in development, the main pages run with zero CSP violations, signed out and as a moderator", async ({ page, request }) => {
  test.setTimeout(480_000);
  const csp = (await request.get("/")).headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]{24}' 'strict-dynamic' 'unsafe-eval'/);
  expect(csp).toContain("frame-ancestors 'none'");

  const expectNoViolations = await watchForCspViolations(page);
  await page.goto("/");
  const thread = (await page.locator('a[href^="/t/"]').first().getAttribute("href"))!.split("?")[0]!;
  for (const path of ["/", thread, "/search?q=usb"]) {
    await page.goto(path);
    await settled(page);
    await expectNoViolations(path);
  }
  await page.goto("/signin?callbackUrl=%2Fmoderation%2Fhealth");
  await page.getByRole("region", { name: "Demo accounts (development only)" }).getByRole("button", { name: /^Sign in as Maya/ }).click();
  await expect(page).toHaveURL(/\/moderation\/health$/);
  for (const path of ["/moderation/health", "/notifications", "/account/preferences", thread]) {
    await page.goto(path);
    await settled(page);
    await expectNoViolations(path);
  }
});
