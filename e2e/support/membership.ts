import { expect, type Page } from "@playwright/test";
import type { MailSink } from "./test";
import { signInWithEmailLink } from "./sign-in";

/** Signs a new person in by e-mail link and joins the community with the explicit choice. */
export async function becomeMember(page: Page, mail: MailSink, email: string) {
  await page.goto("/join");
  await signInWithEmailLink(page, mail, email);
  await expect(page).toHaveURL(/\/join$/);
  await page.getByRole("checkbox", { name: /^I want to join the community\./ }).check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByText("You’re now a member of the community.")).toBeVisible();
}
