import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { uniqueToken } from "@/test/fixtures/catalog";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { exportAuditEntries } from "./export-audit-entries";
import { listAuditEntries } from "./list-audit-entries";

async function moderatorWithEmail(role: "MODERATOR" | "ADMIN" = "MODERATOR") {
  const user = await createWriter({ role });
  return db().user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true } });
}

/** Entries written straight in (the tests are about reading), a minute apart, oldest first. */
async function seedEntries(actorId: string, count: number, options: { targetId: string; action?: string; start?: Date }) {
  const start = options.start ?? new Date(Date.UTC(2026, 2, 1, 12));
  await db().auditLogEntry.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      actorId,
      action: options.action ?? (index % 2 ? "post.hide" : "thread.lock"),
      targetType: index % 2 ? "post" : "thread",
      targetId: options.targetId,
      reason: `reason ${index}`,
      before: { visibility: "VISIBLE" },
      after: { visibility: "HIDDEN" },
      requestId: randomUUID(),
      occurredAt: new Date(start.getTime() + index * 60_000),
    })),
  });
}

async function drain(lines: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const chunk of lines) text += chunk;
  return text;
}

describe("listAuditEntries", () => {
  it("pages newest first with a keyset cursor, every entry once, whatever the page size", async () => {
    const moderator = await moderatorWithEmail();
    const targetId = `t-${uniqueToken()}`;
    await seedEntries(moderator.id, 7, { targetId });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEntries(moderator.id, { targetId }, { cursor, limit: 3 });
      seen.push(...page.items.map((item) => item.reason!));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(["reason 6", "reason 5", "reason 4", "reason 3", "reason 2", "reason 1", "reason 0"]);
  });

  it("filters by actor (e-mail any case, or id), action (exact or prefix), target and day range", async () => {
    const [one, two] = await Promise.all([moderatorWithEmail(), moderatorWithEmail("ADMIN")]);
    const targetId = `t-${uniqueToken()}`;
    await seedEntries(one.id, 4, { targetId, start: new Date(Date.UTC(2026, 2, 1, 23, 58)) });
    await seedEntries(two.id, 2, { targetId, action: "member.warn" });

    const list = async (filters: Parameters<typeof listAuditEntries>[1]) => (await listAuditEntries(one.id, { targetId, ...filters })).items;
    expect(await list({ actor: one.email.toUpperCase() })).toHaveLength(4);
    expect(await list({ actor: two.id })).toHaveLength(2);
    expect(await list({ actor: "nobody@example.test" })).toHaveLength(0);
    expect(await list({ action: "post.hide" })).toHaveLength(2);
    expect(await list({ action: "member." })).toHaveLength(2);
    expect(await list({ action: "member" })).toHaveLength(0);
    expect(await list({ targetType: "thread" })).toHaveLength(3);
    // 23:58 and 23:59 on 1 March, 00:00 and 00:01 on 2 March (UTC); days are inclusive.
    expect(await list({ actor: one.id, from: "2026-03-02" })).toHaveLength(2);
    expect(await list({ actor: one.id, to: "2026-03-01" })).toHaveLength(2);
    expect(await list({ actor: one.id, from: "2026-03-01", to: "2026-03-01" })).toHaveLength(2);
    const [entry] = await list({ actor: two.id });
    expect(entry).toMatchObject({ actor: { id: two.id, email: two.email }, before: { visibility: "VISIBLE" }, after: { visibility: "HIDDEN" } });
    expect(typeof entry!.id).toBe("string");
  });

  it("refuses members and signed-out people, and a malformed cursor", async () => {
    const member = await createWriter();
    const moderator = await moderatorWithEmail();
    await expect(listAuditEntries(member.id, {})).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
    await expect(listAuditEntries(null, {})).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    await expect(listAuditEntries(moderator.id, {}, { cursor: "1; DROP" })).rejects.toSatisfy((error) => isAppError(error, "INVALID_INPUT"));
  });
});

describe("exportAuditEntries", () => {
  it("streams the filtered log as CSV with a header row, neutralises formulas, and audits the export", async () => {
    const moderator = await moderatorWithEmail();
    const targetId = `=cmd|' /C calc'!A0 ${uniqueToken()}`;
    await seedEntries(moderator.id, 3, { targetId });
    const requestId = randomUUID();
    const csv = await drain(await exportAuditEntries(moderator.id, { targetId }, requestId));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("id,occurredAt,actorId,actorName,actorEmail,action,targetType,targetId,reason,before,after,requestId");
    expect(lines).toHaveLength(5); // header, 3 rows, and the empty string after the last CRLF
    expect(lines[1]).toContain(`'=cmd|`);
    expect(lines[1]).toContain(`"{""visibility"":""VISIBLE""}"`);
    const exportEntry = await db().auditLogEntry.findFirstOrThrow({ where: { requestId }, select: { actorId: true, action: true, targetType: true, after: true } });
    expect(exportEntry).toEqual({ actorId: moderator.id, action: "audit.export", targetType: "audit", after: { filters: { targetId } } });
  });

  it("reads in batches past the batch size", async () => {
    const moderator = await moderatorWithEmail();
    const targetId = `t-${uniqueToken()}`;
    await seedEntries(moderator.id, 1203, { targetId });
    const csv = await drain(await exportAuditEntries(moderator.id, { targetId }, randomUUID()));
    const reasons = csv.split("\r\n").slice(1, -1).map((line) => line.split(",")[8]);
    expect(reasons).toHaveLength(1203);
    expect(new Set(reasons).size).toBe(1203);
    expect(reasons[0]).toBe("reason 1202");
  });

  it("refuses a member before writing anything", async () => {
    const member = await createWriter();
    const before = await db().auditLogEntry.count({ where: { actorId: member.id } });
    await expect(exportAuditEntries(member.id, {}, randomUUID())).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
    expect(await db().auditLogEntry.count({ where: { actorId: member.id } })).toBe(before);
  });
});
