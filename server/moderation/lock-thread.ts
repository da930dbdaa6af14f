import "server-only";
import { db } from "@/server/db/client";
import { publishPublicPageChange } from "@/server/http/publish-public-page-change";
import { AppError } from "@/server/errors/app-error";
import { publishThreadActivity } from "@/server/discussions/publish-thread-activity";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";
import { sendModerationNotice } from "./send-moderation-notice";

export type LockThreadInput = {
  /** The signed-in person's id (null when signed out); the permission is checked here. */
  actorId: string | null;
  threadId: string;
  /** true locks (no new replies: replyToPost refuses), false unlocks. */
  locked: boolean;
  reason: string;
  requestId: string;
};

export type ThreadActionResult = { threadId: string; threadSlug: string; changed: boolean };

/**
 * Locks or unlocks a thread ("thread.lock"), with the audit row (before/after) and, when locking
 * someone else's thread, a notice to its author — all in one transaction. Already in the asked
 * state: nothing is written. Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION), NOT_FOUND.
 */
export async function lockThread(input: LockThreadInput): Promise<ThreadActionResult> {
  const moderator = await requirePermission(input.actorId, "thread.lock");
  return db().$transaction(async (tx) => {
    const [thread] = await tx.$queryRaw<{ id: string; slug: string; authorId: string; lockedAt: Date | null }[]>`
      SELECT "id", "slug", "authorId", "lockedAt" FROM "Thread" WHERE "id" = ${input.threadId} AND "deletedAt" IS NULL FOR UPDATE`;
    if (!thread) throw new AppError("NOT_FOUND", { details: { field: "threadId" } });
    const result = { threadId: thread.id, threadSlug: thread.slug };
    if ((thread.lockedAt !== null) === input.locked) return { ...result, changed: false };

    const lockedAt = input.locked ? new Date() : null;
    await tx.thread.update({ where: { id: thread.id }, data: { lockedAt }, select: { id: true } });
    await recordAuditEntry(tx, {
      actorId: moderator.id,
      action: input.locked ? "thread.lock" : "thread.unlock",
      targetType: "thread",
      targetId: thread.id,
      reason: input.reason,
      before: { lockedAt: thread.lockedAt?.toISOString() ?? null },
      after: { lockedAt: lockedAt?.toISOString() ?? null },
      requestId: input.requestId,
    });
    // Anonymous readers' cached copies of the thread (and the lists) go at commit.
    await publishPublicPageChange(tx, { threadIds: [thread.id] });
    if (input.locked && thread.authorId !== moderator.id) {
      await sendModerationNotice(tx, { userId: thread.authorId, kind: "THREAD_LOCKED", reason: input.reason, threadId: thread.id, createdById: moderator.id });
    }
    return { ...result, changed: true };
  });
}
