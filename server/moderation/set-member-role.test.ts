import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { requirePermission } from "./require-permission";
import { listModerators } from "./list-moderators";
import { setMemberRole } from "./set-member-role";

const emailOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email;
const roleOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;
const reasonOf = (error: unknown) => (isAppError(error) ? (error.details.reason ?? error.code) : error);

describe("setMemberRole", () => {
  it("an admin promotes a member by e-mail (any case) and demotes them; each change is audited with before/after; the same role again records nothing", async () => {
    const [admin, member] = await Promise.all([createWriter({ role: "ADMIN" }), createWriter()]);
    const promoted = await setMemberRole({ actorId: admin.id, target: { email: (await emailOf(member.id)).toUpperCase() }, role: "MODERATOR", requestId: randomUUID() });
    expect(promoted).toEqual({ memberId: member.id, before: "MEMBER", after: "MODERATOR", changed: true });
    expect(await roleOf(member.id)).toBe("MODERATOR");
    // At once: the permission check reads the database.
    await expect(requirePermission(member.id, "queue.review")).resolves.toMatchObject({ role: "MODERATOR" });

    expect((await setMemberRole({ actorId: admin.id, target: { memberId: member.id }, role: "MODERATOR", requestId: randomUUID() })).changed).toBe(false);
    await setMemberRole({ actorId: admin.id, target: { memberId: member.id }, role: "MEMBER", reason: "Stepped down", requestId: randomUUID() });
    expect(await roleOf(member.id)).toBe("MEMBER");
    await expect(requirePermission(member.id, "queue.review")).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));

    const entries = await db().auditLogEntry.findMany({ where: { targetId: member.id }, orderBy: { id: "asc" }, select: { actorId: true, action: true, targetType: true, before: true, after: true, reason: true } });
    expect(entries).toEqual([
      { actorId: admin.id, action: "moderators.manage", targetType: "member", before: { role: "MEMBER" }, after: { role: "MODERATOR" }, reason: null },
      { actorId: admin.id, action: "moderators.manage", targetType: "member", before: { role: "MODERATOR" }, after: { role: "MEMBER" }, reason: "Stepped down" },
    ]);
  });

  it("refuses a non-member, an unknown or deleted person, and moderators, members or signed-out people; nothing changes", async () => {
    const [admin, customer, deleted, moderator, member] = await Promise.all([
      createWriter({ role: "ADMIN" }),
      createWriter({ member: false }),
      createWriter({ deleted: true }),
      createWriter({ role: "MODERATOR" }),
      createWriter(),
    ]);
    const attempt = (actorId: string | null, memberId: string, role: "MEMBER" | "MODERATOR" = "MODERATOR") =>
      setMemberRole({ actorId, target: { memberId }, role, requestId: randomUUID() }).then(() => "allowed", reasonOf);
    expect(await attempt(admin.id, customer.id)).toBe("NOT_A_MEMBER");
    expect(await attempt(admin.id, deleted.id)).toBe("NOT_FOUND");
    expect(await setMemberRole({ actorId: admin.id, target: { email: "nobody-here@example.test" }, role: "MODERATOR", requestId: randomUUID() }).then(() => "allowed", (e) => (isAppError(e) ? e.details.field : e))).toBe("email");
    expect(await attempt(moderator.id, member.id)).toBe("MISSING_PERMISSION");
    expect(await attempt(moderator.id, moderator.id, "MEMBER")).toBe("MISSING_PERMISSION");
    expect(await attempt(member.id, member.id)).toBe("MISSING_PERMISSION");
    expect(await attempt(null, member.id)).toBe("SIGN_IN_REQUIRED");
    expect([await roleOf(customer.id), await roleOf(member.id), await roleOf(moderator.id)]).toEqual(["MEMBER", "MEMBER", "MODERATOR"]);
    expect(await db().auditLogEntry.count({ where: { targetId: { in: [customer.id, deleted.id, member.id, moderator.id] } } })).toBe(0);
  });

  it("an admin can step down while another admin remains", async () => {
    const [one] = await Promise.all([createWriter({ role: "ADMIN" }), createWriter({ role: "ADMIN" })]);
    await setMemberRole({ actorId: one.id, target: { memberId: one.id }, role: "MODERATOR", requestId: randomUUID() });
    expect(await roleOf(one.id)).toBe("MODERATOR");
  });
});

describe("listModerators", () => {
  it("lists moderators and admins, admins first, for admins only", async () => {
    const [admin, moderator, member] = await Promise.all([createWriter({ role: "ADMIN" }), createWriter({ role: "MODERATOR" }), createWriter()]);
    const list = await listModerators(admin.id);
    const ids = list.map((row) => row.id);
    expect(ids).toContain(admin.id);
    expect(ids).toContain(moderator.id);
    expect(ids).not.toContain(member.id);
    expect(list.findIndex((row) => row.role === "MODERATOR")).toBeGreaterThan(list.findLastIndex((row) => row.role === "ADMIN"));
    await expect(listModerators(moderator.id)).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
  });
});
