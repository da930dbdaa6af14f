import { randomBytes, randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrations/apply-migrations";
import { PrismaClient } from "@/server/db/generated/prisma/client";
import { recordAuditEntry } from "./record-audit-entry";

// Its own database, so a TRUNCATE that wrongly succeeded could not wipe other files' rows.
const url = databaseUrlFor(process.env.ENTRAIDE_TEST_SERVER_URL ?? process.env.DATABASE_URL!, `entraide_audit_${randomBytes(4).toString("hex")}`);
let client: PrismaClient;
let entryId: bigint;
let actorId: string;
let snapshot: unknown;

const readLog = () => client.auditLogEntry.findMany({ orderBy: { id: "asc" } });

beforeAll(async () => {
  await ensureDatabase(url);
  await applyMigrations(url);
  client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const actor = await client.user.create({ data: { email: `audit-${randomBytes(6).toString("hex")}@example.test`, role: "MODERATOR" }, select: { id: true } });
  actorId = actor.id;
  await client.$transaction((tx) =>
    recordAuditEntry(tx, { actorId, action: "post.hide", targetType: "post", targetId: "p1", reason: "spam", before: { visibility: "VISIBLE" }, after: { visibility: "HIDDEN" }, requestId: randomUUID() }),
  );
  entryId = (await client.auditLogEntry.findFirstOrThrow({ select: { id: true } })).id;
  snapshot = await readLog();
});

afterAll(async () => {
  await client?.$disconnect();
  await dropDatabase(url);
});

// Raw SQL through the application's own connection: only the database's triggers can refuse it.
describe("the audit log is append-only at the database", () => {
  it.each([
    ["UPDATE an entry", () => client.$executeRawUnsafe(`UPDATE "AuditLogEntry" SET "reason" = 'nothing happened' WHERE "id" = $1`, entryId)],
    ["UPDATE every entry", () => client.$executeRawUnsafe(`UPDATE "AuditLogEntry" SET "actorId" = "actorId"`)],
    ["DELETE an entry", () => client.$executeRawUnsafe(`DELETE FROM "AuditLogEntry" WHERE "id" = $1`, entryId)],
    ["DELETE every entry", () => client.$executeRawUnsafe(`DELETE FROM "AuditLogEntry"`)],
    ["TRUNCATE the log", () => client.$executeRawUnsafe(`TRUNCATE "AuditLogEntry"`)],
    ["TRUNCATE … CASCADE through the users", () => client.$executeRawUnsafe(`TRUNCATE "User" CASCADE`)],
  ])("refuses %s", async (_label, statement) => {
    await expect(statement()).rejects.toThrow(/append-only/);
    expect(await readLog()).toEqual(snapshot);
  });

  it("refuses changes through the ORM too, and keeps the actor (no cascade)", async () => {
    await expect(client.auditLogEntry.update({ where: { id: entryId }, data: { reason: "edited" } })).rejects.toThrow(/append-only/);
    await expect(client.auditLogEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(client.$executeRawUnsafe(`DELETE FROM "User" WHERE "id" = $1`, actorId)).rejects.toThrow();
    expect(await readLog()).toEqual(snapshot);
  });

  it("still appends", async () => {
    await client.$transaction((tx) => recordAuditEntry(tx, { actorId, action: "post.approve", targetType: "post", targetId: "p2", requestId: randomUUID() }));
    expect(await client.auditLogEntry.count()).toBe(2);
  });
});
