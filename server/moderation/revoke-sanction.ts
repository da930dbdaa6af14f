import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";
import { sendModerationNotice } from "./send-moderation-notice";

export type RevokeSanctionInput = {
  actorId: string | null;
  sanctionId: string;
  reason: string;
  requestId: string;
};

const PERMISSION = { WARNING: "member.warn", SILENCE: "member.silence", SUSPENSION: "member.suspend" } as const;

/**
 * Ends a sanction early (or withdraws a warning), with the permission that imposes that kind.
 * Revoked sanctions stay in the member's history with who revoked them and why. Sanction, audit
 * row and notice to the member in one transaction; an already revoked one writes nothing.
 * Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION / CANNOT_SANCTION_SELF), NOT_FOUND (sanctionId),
 * INVALID_INPUT (reason).
 */
export async function revokeSanction(input: RevokeSanctionInput): Promise<{ memberId: string; changed: boolean }> {
  if (!input.actorId) throw new AppError("SIGN_IN_REQUIRED");
  const found = await db().sanction.findUnique({ where: { id: input.sanctionId }, select: { kind: true } });
  // The permission is checked before anything about the sanction is revealed.
  const moderator = await requirePermission(input.actorId, found ? PERMISSION[found.kind] : "member.warn");
  if (!found) throw new AppError("NOT_FOUND", { details: { field: "sanctionId" } });
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) throw new AppError("INVALID_INPUT", { details: { field: "reason" } });

  return db().$transaction(async (tx) => {
    const [sanction] = await tx.$queryRaw<{ id: string; userId: string; kind: string; endsAt: Date | null; revokedAt: Date | null }[]>`
      SELECT "id", "userId", "kind"::text AS "kind", "endsAt", "revokedAt" FROM "Sanction" WHERE "id" = ${input.sanctionId} FOR UPDATE`;
    if (!sanction) throw new AppError("NOT_FOUND", { details: { field: "sanctionId" } });
    // Nobody lifts their own sanction.
    if (sanction.userId === moderator.id) throw new AppError("FORBIDDEN", { details: { reason: "CANNOT_SANCTION_SELF" } });
    if (sanction.revokedAt) return { memberId: sanction.userId, changed: false };

    const now = new Date();
    await tx.sanction.update({ where: { id: sanction.id }, data: { revokedAt: now, revokedById: moderator.id, revokeReason: reason }, select: { id: true } });
    await recordAuditEntry(tx, {
      actorId: moderator.id,
      action: "member.revokeSanction",
      targetType: "member",
      targetId: sanction.userId,
      reason,
      before: { sanctionId: sanction.id, kind: sanction.kind, endsAt: sanction.endsAt?.toISOString() ?? null, revokedAt: null },
      after: { sanctionId: sanction.id, kind: sanction.kind, revokedAt: now.toISOString() },
      requestId: input.requestId,
    });
    await sendModerationNotice(tx, { userId: sanction.userId, kind: "SANCTION_REVOKED", reason, createdById: moderator.id });
    return { memberId: sanction.userId, changed: true };
  });
}
