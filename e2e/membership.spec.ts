import { createHash } from "node:crypto";
import { test, expect } from "./support/test";
import { expectNothingPreTicked } from "./support/no-pre-ticked-controls";
import { orderPayload, postOrder, uniqueEmail } from "./support/shop";
import { signInWithEmailLink } from "./support/sign-in";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const MEMBERSHIP_CHECKBOX = /^I want to join the community\./;

test("a purchase invites and never enrolls; joining, leaving and rejoining are explicit and ledgered", async ({ page, request, mail }) => {
  const email = uniqueEmail();
  const order = orderPayload(email);

  // The shop's webhook: first acceptance, identical replay, conflicting replay.
  const first = await postOrder(request, order);
  expect(first.status).toBe(201);
  expect(typeof first.json.invitationUrl).toBe("string");
  const invitationUrl = String(first.json.invitationUrl);
  expect(invitationUrl, "no personal data in the invitation URL").not.toContain(email.split("@")[0]!);
  const replay = await postOrder(request, order);
  expect(replay.status).toBe(200);
  expect(replay.json).toEqual(first.json);
  const conflict = await postOrder(request, { ...order, items: [{ sku: "OCT-SSD-N4-1T", quantity: 5 }] });
  expect(conflict.status).toBe(409);
  expect(await mail.all(email), "a purchase sends no e-mail").toEqual([]);

  // The invitation: Join and No thanks side by side with equal weight, nothing pre-ticked.
  await page.goto(invitationUrl);
  await expect(page.getByRole("heading", { level: 1, name: /invited to the .* community/ })).toBeVisible();
  const join = page.getByRole("link", { name: "Join the community" }).or(page.getByRole("button", { name: "Join the community" }));
  const decline = page.getByRole("link", { name: "No thanks" }).or(page.getByRole("button", { name: "No thanks" }));
  const [joinBox, declineBox] = [await join.boundingBox(), await decline.boundingBox()];
  expect(Math.abs(joinBox!.height - declineBox!.height)).toBeLessThanOrEqual(1);
  expect(Math.abs(joinBox!.width - declineBox!.width)).toBeLessThanOrEqual(Math.max(joinBox!.width, declineBox!.width) * 0.35);
  await expectNothingPreTicked(page);

  // Joining needs an explicit act after signing in with the order's address.
  await join.click();
  await signInWithEmailLink(page, mail, email);
  await expect(page).toHaveURL(/\/join\?from=invitation/);
  await expect(page.getByRole("heading", { level: 1, name: "Join the community" })).toBeVisible();
  expect(await expectNothingPreTicked(page)).toBeGreaterThanOrEqual(2);
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByText("Nothing was changed.")).toBeVisible();

  await page.getByRole("checkbox", { name: MEMBERSHIP_CHECKBOX }).check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByText("You’re now a member of the community.")).toBeVisible();

  // Leaving is one step from the account page; rejoining is a new explicit grant.
  await page.goto("/account");
  await expectNothingPreTicked(page);
  await expect(page.getByRole("heading", { level: 2, name: "Community" })).toBeVisible();
  await page.getByRole("button", { name: "Leave the community" }).click();
  await expect(page.getByText("You’re not a member of the community.")).toBeVisible();

  await page.getByRole("link", { name: "Join the community" }).click();
  await expect(page).toHaveURL(/\/join$/);
  expect(await expectNothingPreTicked(page)).toBeGreaterThanOrEqual(2);
  await page.getByRole("checkbox", { name: MEMBERSHIP_CHECKBOX }).check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByText("You’re now a member of the community.")).toBeVisible();

  // The history shows exactly these three choices, newest first, with the text that was shown.
  await page.goto("/account/consents");
  await expect(page.getByText("3 choices recorded.")).toBeVisible();
  const rows = page.getByRole("article");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).getByRole("heading", { level: 2 })).toHaveText("Community membership: Granted");
  await expect(rows.nth(1).getByRole("heading", { level: 2 })).toHaveText("Community membership: Withdrawn");
  await expect(rows.nth(2).getByRole("heading", { level: 2 })).toHaveText("Community membership: Granted");
  await expect(rows.nth(2)).toContainText("Invitation page");
  await expect(rows.nth(1)).toContainText("Account page");
  await expect(rows.nth(0)).toContainText("Join page");

  // The export holds the same history; each row's hash is the hash of the exact text stored with it.
  const exported = await page.request.get("/account/data/export");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toContain("attachment");
  const data = (await exported.json()) as { consentHistory: { purpose: string; action: string; textShown: string; textSha256: string; source: string }[] };
  expect(data.consentHistory.map((row) => `${row.purpose}/${row.action}/${row.source}`)).toEqual([
    "COMMUNITY_MEMBERSHIP/GRANTED/JOIN_PAGE",
    "COMMUNITY_MEMBERSHIP/WITHDRAWN/ACCOUNT_PAGE",
    "COMMUNITY_MEMBERSHIP/GRANTED/INVITATION_PAGE",
  ]);
  for (const row of data.consentHistory) expect(sha256(row.textShown)).toBe(row.textSha256);
  const granted = data.consentHistory[0]!;
  expect(granted.textShown).toMatch(MEMBERSHIP_CHECKBOX);
  await rows.nth(0).locator("summary").click();
  await expect(rows.nth(0)).toContainText(granted.textSha256);
  await expect(rows.nth(0)).toContainText(granted.textShown);

  // The only mail this person ever got is the sign-in link they asked for.
  for (const message of await mail.all(email)) expect(message.subject).toMatch(/sign-in link/i);
});

test("declining an invitation needs no account and records only 'don't invite me again'", async ({ page, request, mail }) => {
  const email = uniqueEmail("decliner");
  const first = await postOrder(request, orderPayload(email));
  expect(first.status).toBe(201);

  await page.goto(String(first.json.invitationUrl));
  await page.getByRole("link", { name: "No thanks" }).or(page.getByRole("button", { name: "No thanks" })).click();
  await expect(page.getByRole("heading", { level: 1, name: "No thanks" })).toBeVisible();
  expect(await expectNothingPreTicked(page)).toBe(1);
  await page.getByRole("checkbox", { name: "Don’t invite me again" }).check();
  await page.getByRole("button", { name: "No thanks" }).click();
  await expect(page.getByRole("heading", { name: "Thanks for letting us know" })).toBeVisible();
  await expect(page.getByText("We won’t invite you again.", { exact: false })).toBeVisible();

  const next = await postOrder(request, orderPayload(email));
  expect(next.status).toBe(201);
  expect(next.json.invitationUrl, "no invitation after 'don't invite me again'").toBeNull();
  expect(await mail.all(email)).toEqual([]);
});

test("a deleted account's address is never e-mailed again, and a later purchase starts afresh", async ({ page, request, mail }) => {
  const email = uniqueEmail("leaver");
  expect((await postOrder(request, orderPayload(email))).status).toBe(201);

  await page.goto("/account/data");
  await signInWithEmailLink(page, mail, email);
  await expect(page).toHaveURL(/\/account\/data$/);
  expect(await expectNothingPreTicked(page)).toBeGreaterThanOrEqual(3);

  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Choose what happens to your questions and answers.")).toBeVisible();
  await expect(page.getByText("Tick the box to confirm that you understand this cannot be undone.")).toBeVisible();

  await page.getByRole("radio", { name: /Keep them, with “deleted member” as the author/ }).check();
  await page.getByRole("checkbox", { name: "I understand this cannot be undone" }).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account is deleted" })).toBeVisible();

  const mailsBefore = (await mail.all(email)).length;
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  // Same answer as for any address: nobody can probe which addresses are suppressed.
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();

  const again = await postOrder(request, orderPayload(email));
  expect(again.status).toBe(201);
  expect(again.json.invitationUrl, "no invitation to an address that can never sign in").toBeNull();
  await page.waitForTimeout(2_000);
  expect((await mail.all(email)).length, "no mail to a deleted address").toBe(mailsBefore);
});
