import { expect, type Page } from "@playwright/test";
import type { MailSink } from "./test";

const SIGN_IN_LINK = /https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/;

/** On /signin (or redirected there): asks for a link, reads it from the SMTP sink and follows it. */
export async function signInWithEmailLink(page: Page, mail: MailSink, email: string) {
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  const message = await mail.waitFor(email, /sign-in link/i);
  const link = message.text.match(SIGN_IN_LINK)?.[0];
  expect(link, "sign-in link in the e-mail").toBeTruthy();
  await page.goto(link!);
}
