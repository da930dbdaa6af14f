import { randomBytes } from "node:crypto";
import { test, expect } from "./support/test";

test("too many sign-in links for one address: the sign-in form and page say to wait, nothing crashes", async ({ page, request, mail }) => {
  const email = `e2e-limit-${randomBytes(5).toString("hex")}@example.com`;
  // Use up the address's burst (20) the way a script would, from another claimed address, so the
  // suite's shared 127.0.0.1 sign-in budget is left alone: the per-address limit is what bites.
  const otherIp = { "X-Forwarded-For": `198.51.100.${1 + (randomBytes(1)[0]! % 250)}` };
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (let index = 0; index < 20; index += 1) {
    const response = await request.post("/api/auth/signin/email", { form: { email, csrfToken, callbackUrl: "/", json: "true" }, headers: otherIp });
    expect(((await response.json()) as { url: string }).url).toContain("/api/auth/verify-request");
  }
  await expect.poll(async () => (await mail.all(email)).length).toBe(20);

  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in links were asked for in a short time" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin$/);
  expect(await mail.all(email)).toHaveLength(20);

  // Without JavaScript next-auth redirects to the same answer: the page explains it too.
  await page.goto("/signin?error=RateLimited");
  const explained = page.getByRole("alert").filter({ hasText: "Sign-in didn’t work" });
  await expect(explained).toContainText("Too many sign-in links were asked for in a short time. Please wait a few minutes, then try again.");
});
