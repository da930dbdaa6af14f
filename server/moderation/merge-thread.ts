import "server-only";
import { db } from "@/server/db/client";
import { publishPublicPageChange } from "@/server/http/publish-public-page-change";
import { AppError } from "@/server/errors/app-error";
import { publishThreadActivity } from "@/server/discussions/publish-thread-activity";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";
import { sendModerationNotice } from "./send-moderation-notice";

export type MergeThreadInput = {
  actorId: string | null;
  /** The duplicate: its posts move out, its address redirects. */
  sourceThreadId: string;
  /** The thread that stays and receives the posts. */
  targetThreadId: string;
  reason: string;
  requestId: string;
};

export type MergeThreadResult = { threadId: string; threadSlug: string; movedPostCount: number; sourceThreadId: string; sourceThreadSlug: string };

type LockedThread = {
  id: string;
  slug: string;
  kind: "QUESTION" | "TIP" | "DISCUSSION";
  authorId: string;
  acceptedPostId: string | null;
  replyCount: number;
  meTooCount: number;
  lastActivityAt: Date;
};

/**
 * Merges a duplicate thread into another ("thread.merge"), in one transaction with set-based
 * statements:
 * - the duplicate's opening post becomes a top-level reply of the target (depth 1, its own
 *   rootReplyId), and every reply of the duplicate moves under it with its subtree: one level
 *   deeper, rootReplyId = that post. Post ids never change, so `?post=` permalinks keep working;
 * - the duplicate's accepted answer stays accepted if the target had none (both questions);
 * - "me too"s move (once per person), counts and last activity are recomputed on both threads;
 * - the duplicate is marked deleted with mergedIntoId = the target, so /t/<old id>/… redirects
 *   there (threads merged into the duplicate earlier now point at the target too);
 * - notification events keep the thread they were raised in (their links redirect);
 * - an audit row (counts before/after) and a notice to the duplicate's author.
 * Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION), NOT_FOUND (details.field threadId /
 * target), INVALID_INPUT (details.field target: the same thread).
 */
export async function mergeThread(input: MergeThreadInput): Promise<MergeThreadResult> {
  const moderator = await requirePermission(input.actorId, "thread.merge");
  if (input.sourceThreadId === input.targetThreadId) throw new AppError("INVALID_INPUT", { details: { field: "target", reason: "SAME_THREAD" } });

  return db().$transaction(async (tx) => {
    // Both rows locked in id order, so two merges of the same pair cannot deadlock.
    const locked = await tx.$queryRaw<LockedThread[]>`
      SELECT "id", "slug", "kind"::text AS "kind", "authorId", "acceptedPostId", "replyCount", "meTooCount", "lastActivityAt"
      FROM "Thread" WHERE "id" IN (${input.sourceThreadId}, ${input.targetThreadId}) AND "deletedAt" IS NULL
      ORDER BY "id" FOR UPDATE`;
    const source = locked.find((thread) => thread.id === input.sourceThreadId);
    const target = locked.find((thread) => thread.id === input.targetThreadId);
    if (!source) throw new AppError("NOT_FOUND", { details: { field: "threadId" } });
    if (!target) throw new AppError("NOT_FOUND", { details: { field: "target" } });

    const opening = await tx.post.findFirst({ where: { threadId: source.id, isOpening: true }, select: { id: true } });
    if (!opening) throw new AppError("NOT_FOUND", { details: { field: "threadId" } });

    // The accepted answer is unique across threads: release it from the duplicate first.
    const keepsAccepted = source.acceptedPostId !== null && target.acceptedPostId === null && source.kind === "QUESTION" && target.kind === "QUESTION";
    const now = new Date();
    await tx.thread.update({
      where: { id: source.id },
      data: { acceptedPostId: null, mergedIntoId: target.id, deletedAt: now, pinnedAt: null, replyCount: 0, meTooCount: 0 },
      select: { id: true },
    });

    // Every post of the duplicate, one statement: the opening post becomes a top-level reply,
    // the rest keep their shape one level deeper under it.
    const movedPostCount = await tx.$executeRaw`
      UPDATE "Post" SET
        "threadId" = ${target.id},
        "isOpening" = false,
        "parentId" = CASE WHEN "id" = ${opening.id} THEN NULL ELSE COALESCE("parentId", ${opening.id}) END,
        "rootReplyId" = ${opening.id},
        "depth" = CASE WHEN "id" = ${opening.id} THEN 1 ELSE "depth" + 1 END
      WHERE "threadId" = ${source.id}`;

    await tx.$executeRaw`
      INSERT INTO "ThreadMeToo" ("threadId", "userId", "createdAt")
      SELECT ${target.id}, "userId", "createdAt" FROM "ThreadMeToo"
      WHERE "threadId" = ${source.id} AND "userId" <> ${target.authorId}
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`DELETE FROM "ThreadMeToo" WHERE "threadId" = ${source.id}`;
    // Earlier merges into the duplicate follow it, so a redirect is always one hop.
    await tx.$executeRaw`UPDATE "Thread" SET "mergedIntoId" = ${target.id} WHERE "mergedIntoId" = ${source.id}`;

    const [counts] = await tx.$queryRaw<{ replyCount: number; meTooCount: number }[]>`
      SELECT
        (SELECT count(*)::int FROM "Post" WHERE "threadId" = ${target.id} AND NOT "isOpening") AS "replyCount",
        (SELECT count(*)::int FROM "ThreadMeToo" WHERE "threadId" = ${target.id}) AS "meTooCount"`;
    const after = {
      replyCount: counts?.replyCount ?? target.replyCount,
      meTooCount: counts?.meTooCount ?? target.meTooCount,
      lastActivityAt: source.lastActivityAt > target.lastActivityAt ? source.lastActivityAt : target.lastActivityAt,
      acceptedPostId: keepsAccepted ? source.acceptedPostId : target.acceptedPostId,
    };
    await tx.thread.update({ where: { id: target.id }, data: after, select: { id: true } });

    await recordAuditEntry(tx, {
      actorId: moderator.id,
      action: "thread.merge",
      targetType: "thread",
      targetId: source.id,
      reason: input.reason,
      before: {
        source: { id: source.id, replyCount: source.replyCount, meTooCount: source.meTooCount, acceptedPostId: source.acceptedPostId },
        target: { id: target.id, replyCount: target.replyCount, meTooCount: target.meTooCount, acceptedPostId: target.acceptedPostId },
      },
      after: {
        source: { id: source.id, mergedIntoId: target.id, deletedAt: now.toISOString() },
        target: { id: target.id, replyCount: after.replyCount, meTooCount: after.meTooCount, acceptedPostId: after.acceptedPostId },
        movedPostCount,
        openingPostId: opening.id,
      },
      requestId: input.requestId,
    });
    if (source.authorId !== moderator.id) {
      await sendModerationNotice(tx, { userId: source.authorId, kind: "THREAD_MERGED", reason: input.reason, threadId: target.id, postId: opening.id, createdById: moderator.id });
    }
    // Readers of the target see the new replies.
    await publishThreadActivity(tx, { threadId: target.id, postId: opening.id, kind: "reply" });
    // The source thread now redirects: its cached copies go at commit too.
    await publishPublicPageChange(tx, { threadIds: [source.id] });
    return { threadId: target.id, threadSlug: target.slug, movedPostCount, sourceThreadId: source.id, sourceThreadSlug: source.slug };
  });
}
