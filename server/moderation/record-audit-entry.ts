import "server-only";
import type { Prisma } from "@/server/db/client";
import type { Permission } from "@/lib/moderation/permissions";

export type AuditEntryInput = {
  actorId: string;
  /** The permission the action used ("post.hide", "ledger.view"…), or a more precise verb under it ("thread.unlock"). */
  action: Permission | `${string}.${string}`;
  targetType: "post" | "thread" | "member" | "review" | "ledger" | "audit" | "settings";
  targetId: string;
  reason?: string | null;
  /** The relevant fields before and after, where the action changes something. */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  requestId: string;
};

/**
 * Appends one row to the audit log, inside the caller's transaction: the action and its record
 * commit or roll back together. The table refuses UPDATE and DELETE (database trigger).
 */
export async function recordAuditEntry(tx: Prisma.TransactionClient, entry: AuditEntryInput): Promise<void> {
  await tx.auditLogEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      requestId: entry.requestId,
    },
    select: { id: true },
  });
}
