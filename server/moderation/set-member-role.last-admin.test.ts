import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrations/apply-migrations";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { setMemberRole } from "./set-member-role";

// Its own database: "the last admin" counts every admin, so no other file's admins may exist.
const url = databaseUrlFor(process.env.ENTRAIDE_TEST_SERVER_URL ?? process.env.DATABASE_URL!, `entraide_admins_${randomBytes(4).toString("hex")}`);
const savedEnv = { ...process.env };
const holder = globalThis as unknown as { entraidePrisma?: unknown };

beforeAll(async () => {
  await ensureDatabase(url);
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  holder.entraidePrisma = undefined;
}, 60_000);

afterAll(async () => {
  await db().$disconnect();
  holder.entraidePrisma = undefined;
  process.env = savedEnv;
  await dropDatabase(url);
});

const roleOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;
const outcome = (promise: Promise<unknown>) => promise.then(() => "allowed", (error: unknown) => (isAppError(error) ? (error.details.reason ?? error.code) : error));

describe("setMemberRole: the last admin", () => {
  it("never leaves the community without an admin, even when the last two demote each other at once", async () => {
    const [first, second] = await Promise.all([createWriter({ role: "ADMIN" }), createWriter({ role: "ADMIN" })]);
    const outcomes = await Promise.all([
      outcome(setMemberRole({ actorId: first.id, target: { memberId: second.id }, role: "MEMBER", requestId: randomUUID() })),
      outcome(setMemberRole({ actorId: second.id, target: { memberId: first.id }, role: "MEMBER", requestId: randomUUID() })),
    ]);
    // One demotion wins; the other is refused under the lock: its target is now the last admin
    // (LAST_ADMIN), or its author was just demoted (MISSING_PERMISSION) — whichever it checks first.
    expect(outcomes.filter((o) => o === "allowed")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "allowed")[0]).toMatch(/^(LAST_ADMIN|MISSING_PERMISSION)$/);
    expect(await db().user.count({ where: { role: "ADMIN" } })).toBe(1);
    const survivor = (await roleOf(first.id)) === "ADMIN" ? first.id : second.id;
    expect(await outcome(setMemberRole({ actorId: survivor, target: { memberId: survivor }, role: "MODERATOR", requestId: randomUUID() }))).toBe("LAST_ADMIN");
    expect(await outcome(setMemberRole({ actorId: survivor, target: { memberId: survivor }, role: "MEMBER", requestId: randomUUID() }))).toBe("LAST_ADMIN");
    expect(await roleOf(survivor)).toBe("ADMIN");
    expect(await db().auditLogEntry.count({ where: { action: "moderators.manage" } })).toBe(1);
  });
});
