import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { ManageableRole } from "@/lib/moderation/moderator-schemas";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";

export type SetMemberRoleInput = {
  actorId: string | null;
  /** Who: their id, or their e-mail address (any case). */
  target: { memberId: string } | { email: string };
  role: ManageableRole;
  reason?: string | null;
  requestId: string;
};

export type SetMemberRoleResult = { memberId: string; before: ManageableRole; after: ManageableRole; changed: boolean };

/**
 * An admin ("moderators.manage") gives a person a role: a member becomes a moderator (or an
 * admin), a moderator or admin goes back to member. Only community members can be given a
 * moderating role. The last admin can never lose the role — neither by their own demotion nor
 * by two admins demoting each other at once (the admins' rows are locked while counting).
 * The change and its audit entry ("moderators.manage", before/after role) commit together; the
 * same role again changes and records nothing. The new role applies at once: permissions are
 * read from the database on every request.
 *
 * Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION; NOT_A_MEMBER; LAST_ADMIN), NOT_FOUND
 * (details.field email / memberId: unknown or deleted account).
 */
export async function setMemberRole(input: SetMemberRoleInput): Promise<SetMemberRoleResult> {
  const admin = await requirePermission(input.actorId, "moderators.manage");
  const field = "email" in input.target ? "email" : "memberId";

  return db().$transaction(async (tx) => {
    // Every admin row, locked, in one order: concurrent role changes apply one after the other.
    const admins = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User" WHERE role = 'ADMIN' AND "deletedAt" IS NULL ORDER BY id FOR UPDATE`;
    // The acting admin may have been demoted while waiting for the lock.
    if (!admins.some((row) => row.id === admin.id)) throw new AppError("FORBIDDEN", { details: { reason: "MISSING_PERMISSION", permission: "moderators.manage" } });
    const target = await tx.user.findFirst({
      where: { deletedAt: null, ...("email" in input.target ? { email: { equals: input.target.email.trim(), mode: "insensitive" } } : { id: input.target.memberId }) },
      select: { id: true, role: true, isMember: true },
    });
    if (!target) throw new AppError("NOT_FOUND", { details: { field } });
    const result: SetMemberRoleResult = { memberId: target.id, before: target.role, after: input.role, changed: target.role !== input.role };
    if (!result.changed) return result;
    if (input.role !== "MEMBER" && !target.isMember) throw new AppError("FORBIDDEN", { details: { reason: "NOT_A_MEMBER", field } });
    if (target.role === "ADMIN" && admins.length <= 1) throw new AppError("FORBIDDEN", { details: { reason: "LAST_ADMIN" } });

    await tx.user.update({ where: { id: target.id }, data: { role: input.role }, select: { id: true } });
    await recordAuditEntry(tx, {
      actorId: admin.id,
      action: "moderators.manage",
      targetType: "member",
      targetId: target.id,
      reason: input.reason?.trim() || null,
      before: { role: target.role },
      after: { role: input.role },
      requestId: input.requestId,
    });
    return result;
  });
}
