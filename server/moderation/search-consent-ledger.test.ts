import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getConsentText } from "@/lib/consent/consent-texts";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { joinCommunity } from "@/server/membership/join-community";
import { uniqueToken } from "@/test/fixtures/catalog";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { exportConsentLedger } from "./export-consent-ledger";
import { searchConsentLedger } from "./search-consent-ledger";

/** A customer who joined (with the owner badge): two GRANTED rows with their texts. */
async function joinedPerson(displayName: string) {
  const token = uniqueToken();
  const person = await db().user.create({ data: { email: `Ledger-${token}@Example.test`, displayName: `${displayName} ${token}` }, select: { id: true, email: true, displayName: true } });
  await joinCommunity({
    userId: person.id,
    choices: { community: true, ownerBadge: true },
    textVersions: { community: getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "en").version, ownerBadge: getConsentText("OWNER_BADGE", "GRANTED", "en").version },
    locale: "en",
    source: "JOIN_PAGE",
    channel: "WEB",
    requestId: randomUUID(),
  });
  return person;
}

async function drain(lines: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const chunk of lines) text += chunk;
  return text;
}

describe("searchConsentLedger", () => {
  it("finds a member's rows by id, e-mail (any case) or part of the display name, with the exact text, and audits every view", async () => {
    const admin = await createWriter({ role: "ADMIN" });
    const person = await joinedPerson("Ledgerina");
    const search = (member: string, extra = {}) => searchConsentLedger(admin.id, { member, ...extra }, { requestId: randomUUID() });

    for (const member of [person.id, person.email.toLowerCase(), person.displayName!.slice(3).toUpperCase()]) {
      const { items } = await search(member);
      expect(items.map((row) => row.purpose).sort()).toEqual(["COMMUNITY_MEMBERSHIP", "OWNER_BADGE"]);
    }
    const { items } = await search(person.id, { purpose: "COMMUNITY_MEMBERSHIP" });
    const text = getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "en");
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      subject: { id: person.id, email: person.email },
      action: "GRANTED",
      textBody: text.body,
      textVersion: text.version,
      source: "JOIN_PAGE",
      channel: "WEB",
      actor: null,
    });
    expect(items[0]!.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await search("nobody-at-all-" + uniqueToken())).items).toEqual([]);

    const views = await db().auditLogEntry.findMany({ where: { actorId: admin.id }, orderBy: { id: "asc" }, select: { action: true, targetType: true, targetId: true, after: true } });
    expect(views).toHaveLength(5);
    expect(views.every((view) => view.action === "ledger.view" && view.targetType === "ledger")).toBe(true);
    expect(views[0]).toMatchObject({ targetId: person.id, after: { search: { member: person.id }, rows: 2, members: [person.id] } });
    expect(views[4]).toMatchObject({ targetId: "search", after: { rows: 0, members: [] } });
  });

  it("pages by id and filters by day", async () => {
    const admin = await createWriter({ role: "ADMIN" });
    const person = await joinedPerson("Pager");
    const first = await searchConsentLedger(admin.id, { member: person.id }, { limit: 1, requestId: randomUUID() });
    expect(first.items).toHaveLength(1);
    const second = await searchConsentLedger(admin.id, { member: person.id }, { limit: 1, cursor: first.nextCursor!, requestId: randomUUID() });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect((await searchConsentLedger(admin.id, { member: person.id, to: "2000-01-01" }, { requestId: randomUUID() })).items).toEqual([]);
  });

  it("is for admins only: moderators and members are refused and nothing is audited", async () => {
    const [moderator, member] = await Promise.all([createWriter({ role: "MODERATOR" }), createWriter()]);
    for (const actorId of [moderator.id, member.id]) {
      await expect(searchConsentLedger(actorId, {}, { requestId: randomUUID() })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
      await expect(exportConsentLedger(actorId, {}, randomUUID())).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
    }
    await expect(searchConsentLedger(null, {}, { requestId: randomUUID() })).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    expect(await db().auditLogEntry.count({ where: { actorId: { in: [moderator.id, member.id] } } })).toBe(0);
  });
});

describe("exportConsentLedger", () => {
  it("exports the matching rows as CSV with the exact text, and audits the export", async () => {
    const admin = await createWriter({ role: "ADMIN" });
    const person = await joinedPerson("=Exported");
    const requestId = randomUUID();
    const csv = await drain(await exportConsentLedger(admin.id, { member: person.id }, requestId));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("id,occurredAt,subjectId,subjectName,subjectEmail,purpose,action,scope,detail,textVersion,textSha256,textLocale,text,source,channel,actorId,reason,requestId");
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`'=Exported`);
    expect(csv).toContain("JOIN_PAGE");
    const entry = await db().auditLogEntry.findFirstOrThrow({ where: { requestId }, select: { action: true, actorId: true, targetId: true } });
    expect(entry).toEqual({ action: "ledger.export", actorId: admin.id, targetId: person.id });
  });
});
