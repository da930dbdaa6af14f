import { randomBytes } from "node:crypto";
import { test, expect } from "./support/test";
import { E2E } from "./support/ports";

test("a customer signs in with an e-mailed link received over SMTP and comes back where they were", async ({ page, mail }) => {
  const email = `e2e-${randomBytes(5).toString("hex")}@example.com`;

  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);

  const emailField = page.getByLabel("E-mail address");
  await emailField.fill("not an e-mail");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByText("This doesn’t look like an e-mail address", { exact: false })).toBeVisible();

  await emailField.fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();

  const message = await mail.waitFor(email, /sign-in link/i);
  // Transactional mail: no list headers, and links only ever built from APP_URL.
  expect(Object.keys(message.headers)).not.toContain("list-unsubscribe");
  const link = message.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  expect(link, "sign-in link in the plain-text part").toBeTruthy();
  expect(link!.startsWith(`http://localhost:${E2E.appPort}/`)).toBe(true);

  await page.goto(link!);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  // The link works once.
  await page.context().clearCookies();
  await page.goto(link!);
  await expect(page.getByText("This sign-in link has expired or was already used", { exact: false })).toBeVisible();
});

test("a signed-in customer signs out", async ({ page, mail }) => {
  const email = `e2e-${randomBytes(5).toString("hex")}@example.com`;
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  const message = await mail.waitFor(email, /sign-in link/i);
  await page.goto(message.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)![0]);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
});

test("a production build offers no demo sign-in", async ({ page, request }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByText("Demo accounts")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Sign in as/ })).toHaveCount(0);

  const providers = await (await request.get("/api/auth/providers")).json();
  expect(Object.keys(providers)).toEqual(["email"]);
  const attempt = await request.post("/api/auth/callback/demo", { form: { email: "admin@demo.entraide.test" }, maxRedirects: 0 });
  expect(attempt.status()).not.toBe(200);
  expect(attempt.headers()["set-cookie"] ?? "").not.toContain("next-auth.session-token");
});
