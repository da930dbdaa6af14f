import { readFile } from "node:fs/promises";
import { test, expect, type MailSink } from "./support/test";
import { signInWithEmailLink } from "./support/sign-in";

const MODERATOR = "moderator@demo.entraide.test";
// The seeded admin reads the site in French (their saved language).
const ADMIN = "admin@demo.entraide.test";
// A seeded customer who is a member (README): no moderation permission.
const MEMBER = "alice@demo.entraide.test";

const AUDIT_HEADER = "id,occurredAt,actorId,actorName,actorEmail,action,targetType,targetId,reason,before,after,requestId";
const LEDGER_HEADER = "id,occurredAt,subjectId,subjectName,subjectEmail,purpose,action,scope,detail,textVersion,textSha256,textLocale,text,source,channel,actorId,reason,requestId";

/** Like signInWithEmailLink, for a person whose sign-in e-mail comes in French (the seeded admin). */
async function signInInFrench(page: import("@playwright/test").Page, mail: MailSink, email: string) {
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  const message = await mail.waitFor(email, /lien de connexion/i);
  const link = message.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  expect(link, "sign-in link in the e-mail").toBeTruthy();
  await page.goto(link!);
}

async function expectNoSidewaysScroll(page: import("@playwright/test").Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a moderator sees the dashboard nav and the audit log, filters it and downloads it as CSV; admin pages stay hidden", async ({ page, mail }) => {
  await page.goto("/moderation");
  await signInWithEmailLink(page, mail, MODERATOR);
  await expect(page).toHaveURL(/\/moderation$/);
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Moderation" })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Moderation" });
  await expect(nav.getByRole("link")).toHaveText(["Overview", "Review queue", "Members", "Audit log", "Community health"]);
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Open review items")).toBeVisible();
  await expectNoSidewaysScroll(page);

  // To the audit log with the keyboard.
  await nav.getByRole("link", { name: "Audit log" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/moderation\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "page");
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Action").fill("audit.");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=audit\./);
  await expect(filters.getByLabel("Action")).toHaveValue("audit.");
  await expectNoSidewaysScroll(page);

  // The CSV: a real download, header row first; exporting is itself audited.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toBe(AUDIT_HEADER);
  await page.reload();
  await expect(page.getByRole("article").filter({ hasText: "audit.export" }).first()).toBeVisible();

  // Admin-only pages are a 404 for a moderator, as is the ledger export.
  for (const path of ["/moderation/ledger", "/moderation/moderators"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  expect((await page.request.get("/moderation/ledger/export")).status()).toBe(404);
});

test("a member gets a 404 for the dashboard and its exports, and no Moderation link", async ({ page, mail }) => {
  await page.goto("/moderation");
  await signInWithEmailLink(page, mail, MEMBER);
  await expect(page.getByRole("heading", { level: 1, name: "We can’t find this page" })).toBeVisible();
  expect((await page.goto("/moderation"))?.status()).toBe(404);
  await expect(page.getByRole("banner").getByRole("link", { name: "Moderation" })).toHaveCount(0);
  expect((await page.request.get("/moderation/audit")).status()).toBe(404);
  expect((await page.request.get("/moderation/audit/export")).status()).toBe(404);
});

test("an admin searches the consent ledger, sees the exact text, exports it, and finds both accesses in the audit log", async ({ page, mail }) => {
  // Sign-in, the ledger, an export and the audit log, each page checked by axe in both schemes.
  test.slow();
  await page.goto("/moderation/ledger");
  await signInInFrench(page, mail, ADMIN);
  await expect(page).toHaveURL(/\/moderation\/ledger$/);
  await expect(page.getByRole("heading", { level: 1, name: "Registre des consentements" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Modération" });
  await expect(nav.getByRole("link", { name: "Modérateurs" })).toBeVisible();

  const search = page.getByRole("search", { name: "Rechercher dans le registre des consentements" });
  await search.getByLabel("Membre").fill(MEMBER);
  await search.getByLabel("Finalité").selectOption("COMMUNITY_MEMBERSHIP");
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/member=alice/);
  const rows = page.getByRole("article");
  await expect(rows.first()).toContainText("COMMUNITY_MEMBERSHIP");
  await expect(rows.first()).toContainText(MEMBER);
  await expect(rows.first()).toContainText("Texte exact présenté");
  await expect(rows.first().locator("blockquote")).not.toBeEmpty();
  await expectNoSidewaysScroll(page);

  const response = await page.request.get(`/moderation/ledger/export?member=${encodeURIComponent(MEMBER)}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe(LEDGER_HEADER);
  expect(lines.length).toBeGreaterThan(2);

  // Both accesses are in the audit log under the admin's name.
  await page.goto("/moderation/audit?action=ledger.");
  await expect(page.getByRole("heading", { level: 1, name: "Journal d’audit" })).toBeVisible();
  const entries = page.getByRole("article");
  await expect(entries.filter({ hasText: "ledger.view" }).first()).toContainText("Octet admin");
  await expect(entries.filter({ hasText: "ledger.export" }).first()).toContainText("Octet admin");
  await expectNoSidewaysScroll(page);

  await page.goto("/moderation/moderators");
  await expect(page.getByRole("heading", { level: 1, name: "Modérateurs" })).toBeVisible();
  await expect(page.getByText("moderator@demo.entraide.test")).toBeVisible();
  // Promoting is by e-mail; an unknown address is refused next to the field (nothing changes).
  const email = page.getByLabel("Adresse e-mail du membre");
  await email.fill("nobody-here@demo.entraide.test");
  await page.getByRole("button", { name: "Nommer modérateur" }).click();
  await expect(page.getByText("Aucun compte n’utilise cette adresse e-mail.")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();
  await expectNoSidewaysScroll(page);
});
