import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { Permission } from "@/lib/moderation/permissions";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";
import { sendModerationNotice } from "./send-moderation-notice";

export type ImposeSanctionInput = {
  actorId: string | null;
  memberId: string;
  /** Shown to the member as written. */
  reason: string;
  /** When it ends; null = until revoked. Ignored for warnings. */
  endsAt?: Date | null;
  requestId: string;
};

const PERMISSION = { WARNING: "member.warn", SILENCE: "member.silence", SUSPENSION: "member.suspend" } as const satisfies Record<string, Permission>;
const NOTICE = { WARNING: "WARNING", SILENCE: "SILENCED", SUSPENSION: "SUSPENDED" } as const;

/**
 * What warnMember, silenceMember and suspendMember share: the permission check, the refusals
 * (oneself, an administrator, a deleted account, an end in the past), then the sanction, its
 * audit row and the notice to the member in one transaction.
 */
export async function imposeSanction(kind: "WARNING" | "SILENCE" | "SUSPENSION", input: ImposeSanctionInput): Promise<{ sanctionId: string }> {
  const moderator = await requirePermission(input.actorId, PERMISSION[kind]);
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) throw new AppError("INVALID_INPUT", { details: { field: "reason" } });
  if (input.memberId === moderator.id) throw new AppError("FORBIDDEN", { details: { reason: "CANNOT_SANCTION_SELF" } });
  const now = new Date();
  const endsAt = kind === "WARNING" ? null : (input.endsAt ?? null);
  if (endsAt && endsAt <= now) throw new AppError("INVALID_INPUT", { details: { field: "customDate" } });

  return db().$transaction(async (tx) => {
    // The member's row is locked so a role change racing this is seen.
    const [member] = await tx.$queryRaw<{ id: string; role: string; deletedAt: Date | null }[]>`
      SELECT "id", "role"::text AS "role", "deletedAt" FROM "User" WHERE "id" = ${input.memberId} FOR UPDATE`;
    if (!member || member.deletedAt) throw new AppError("NOT_FOUND", { details: { field: "memberId" } });
    if (member.role === "ADMIN") throw new AppError("FORBIDDEN", { details: { reason: "CANNOT_SANCTION_ADMIN" } });

    const sanction = await tx.sanction.create({
      data: { userId: member.id, kind, reason, startsAt: now, endsAt, createdById: moderator.id },
      select: { id: true },
    });
    await recordAuditEntry(tx, {
      actorId: moderator.id,
      action: PERMISSION[kind],
      targetType: "member",
      targetId: member.id,
      reason,
      after: { sanctionId: sanction.id, kind, startsAt: now.toISOString(), endsAt: endsAt?.toISOString() ?? null },
      requestId: input.requestId,
    });
    await sendModerationNotice(tx, { userId: member.id, kind: NOTICE[kind], reason, createdById: moderator.id });
    return { sanctionId: sanction.id };
  });
}
