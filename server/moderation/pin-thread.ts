import "server-only";
import { db } from "@/server/db/client";
import { publishPublicPageChange } from "@/server/http/publish-public-page-change";
import { AppError } from "@/server/errors/app-error";
import type { ThreadActionResult } from "./lock-thread";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";

export type PinThreadInput = {
  actorId: string | null;
  threadId: string;
  /** true pins (the thread heads its product's and category's lists), false unpins. */
  pinned: boolean;
  reason: string;
  requestId: string;
};

/**
 * Pins or unpins a thread ("thread.pin") with its audit row, in one transaction. Pinning says
 * nothing about the author's conduct, so no notice. Already in the asked state: nothing written.
 * Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION), NOT_FOUND.
 */
export async function pinThread(input: PinThreadInput): Promise<ThreadActionResult> {
  const moderator = await requirePermission(input.actorId, "thread.pin");
  return db().$transaction(async (tx) => {
    const [thread] = await tx.$queryRaw<{ id: string; slug: string; pinnedAt: Date | null }[]>`
      SELECT "id", "slug", "pinnedAt" FROM "Thread" WHERE "id" = ${input.threadId} AND "deletedAt" IS NULL FOR UPDATE`;
    if (!thread) throw new AppError("NOT_FOUND", { details: { field: "threadId" } });
    const result = { threadId: thread.id, threadSlug: thread.slug };
    if ((thread.pinnedAt !== null) === input.pinned) return { ...result, changed: false };

    const pinnedAt = input.pinned ? new Date() : null;
    await tx.thread.update({ where: { id: thread.id }, data: { pinnedAt }, select: { id: true } });
    await recordAuditEntry(tx, {
      actorId: moderator.id,
      action: input.pinned ? "thread.pin" : "thread.unpin",
      targetType: "thread",
      targetId: thread.id,
      reason: input.reason,
      before: { pinnedAt: thread.pinnedAt?.toISOString() ?? null },
      after: { pinnedAt: pinnedAt?.toISOString() ?? null },
      requestId: input.requestId,
    });
    // Anonymous readers' cached copies of the thread and of the lists it is pinned in go at commit.
    await publishPublicPageChange(tx, { threadIds: [thread.id] });
    return { ...result, changed: true };
  });
}
