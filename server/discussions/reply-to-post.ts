import "server-only";
import { generateRowId } from "@/server/catalog/generate-row-id";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { enqueueFanOut } from "@/server/jobs/enqueue-fan-out";
import { findMember } from "@/server/membership/find-member";
import { isPreModerated, queueForPreModeration } from "@/server/moderation/apply-pre-moderation";
import { recordNotificationEvent } from "@/server/notifications/record-notification-event";
import { recordPostMentions } from "@/server/notifications/record-post-mentions";
import { checkPostingRate } from "./check-posting-rate";
import { publishThreadActivity } from "./publish-thread-activity";
import { renderPostBodyWithMentions } from "./render-post-body";

export type ReplyToPostInput = {
  /** The signed-in person's id (null when signed out): membership is checked here, not trusted. */
  actorId: string | null;
  threadId: string;
  /** The post answered; absent (or the opening post) means a reply to the thread itself. */
  parentPostId?: string;
  body: string;
};

/**
 * Adds a reply and bumps the thread's replyCount and lastActivityAt in the same transaction.
 * A reply to the thread (or its opening post) is top-level: depth 1, its own rootReplyId. A reply
 * to a reply sits one level deeper under the same top-level reply.
 * Throws AppError (membership codes), NOT_FOUND (details.field), FORBIDDEN (details.reason
 * THREAD_LOCKED / THREAD_DELETED / POST_DELETED) or RATE_LIMITED.
 */
export async function replyToPost(input: ReplyToPostInput): Promise<{ postId: string; threadId: string; threadSlug: string }> {
  const member = await findMember(input.actorId);
  const { html: bodyHtml, mentionedUserIds } = await renderPostBodyWithMentions(input.body);

  const replied = await db().$transaction(async (tx) => {
    // Row lock on the thread: a lock or delete racing this reply is seen before the reply is written.
    const [thread] = await tx.$queryRaw<{ id: string; slug: string; language: "en" | "fr"; lockedAt: Date | null; deletedAt: Date | null }[]>`
      SELECT "id", "slug", "language"::text AS "language", "lockedAt", "deletedAt" FROM "Thread" WHERE "id" = ${input.threadId} FOR UPDATE`;
    if (!thread) throw new AppError("NOT_FOUND", { details: { field: "threadId" } });
    if (thread.deletedAt) throw new AppError("FORBIDDEN", { details: { reason: "THREAD_DELETED" } });
    if (thread.lockedAt) throw new AppError("FORBIDDEN", { details: { reason: "THREAD_LOCKED" } });

    let parentId: string | null = null;
    let rootReplyId: string | null = null;
    let depth = 1;
    if (input.parentPostId) {
      const parent = await tx.post.findUnique({
        where: { id: input.parentPostId },
        select: { id: true, threadId: true, isOpening: true, depth: true, rootReplyId: true, deletedAt: true },
      });
      if (!parent || parent.threadId !== thread.id) throw new AppError("NOT_FOUND", { details: { field: "parentPostId" } });
      if (parent.deletedAt) throw new AppError("FORBIDDEN", { details: { reason: "POST_DELETED" } });
      if (!parent.isOpening) {
        parentId = parent.id;
        rootReplyId = parent.rootReplyId;
        depth = parent.depth + 1;
      }
    }

    await checkPostingRate(tx, member.id);
    // A pre-moderated newcomer's reply waits for review, hidden (and unannounced) until approved.
    const preModerated = await isPreModerated(tx, member);
    const now = new Date();
    const id = generateRowId();
    await tx.post.create({
      data: {
        id,
        threadId: thread.id,
        authorId: member.id,
        parentId,
        rootReplyId: rootReplyId ?? id,
        depth,
        bodyMarkdown: input.body,
        bodyHtml,
        language: thread.language,
        createdAt: now,
        visibility: preModerated ? "PENDING_REVIEW" : "VISIBLE",
      },
      select: { id: true },
    });
    if (preModerated) await queueForPreModeration(tx, id);
    await tx.thread.update({
      where: { id: thread.id },
      data: { replyCount: { increment: 1 }, lastActivityAt: now },
      select: { id: true },
    });
    // Readers of the thread see the reply live once this transaction commits.
    await publishThreadActivity(tx, { threadId: thread.id, postId: id, kind: "reply" });
    // The outbox row commits with the reply (or not at all); mentions point at it.
    const eventId = await recordNotificationEvent(tx, { kind: "REPLY_POSTED", threadId: thread.id, postId: id, actorId: member.id });
    await recordPostMentions(tx, { postId: id, userIds: mentionedUserIds, eventId });
    return { postId: id, threadId: thread.id, threadSlug: thread.slug, eventId };
  });
  await enqueueFanOut(replied.eventId);
  return { postId: replied.postId, threadId: replied.threadId, threadSlug: replied.threadSlug };
}
