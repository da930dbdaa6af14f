import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { enqueueFanOut } from "@/server/jobs/enqueue-fan-out";
import { findMember } from "@/server/membership/find-member";
import { recordNotificationEvent } from "@/server/notifications/record-notification-event";
import { publishThreadActivity } from "./publish-thread-activity";

export type AcceptAnswerInput = {
  /** The signed-in person's id (null when signed out): membership is checked here, not trusted. */
  actorId: string | null;
  postId: string;
  /** true marks the post as the accepted answer (replacing any other); false clears it if it is the one. */
  accept: boolean;
};

/**
 * The question's author or a moderator/admin marks one reply as the accepted answer (one per
 * thread: Thread.acceptedPostId), or takes the mark back.
 * Throws AppError (membership codes), NOT_FOUND or FORBIDDEN (details.reason NOT_QUESTION_AUTHOR /
 * NOT_A_QUESTION / NOT_A_REPLY / POST_DELETED / THREAD_DELETED).
 */
export async function acceptAnswer(input: AcceptAnswerInput): Promise<{ threadId: string; threadSlug: string; acceptedPostId: string | null }> {
  const member = await findMember(input.actorId);
  const isModerator = member.role === "MODERATOR" || member.role === "ADMIN";

  const result = await db().$transaction(async (tx) => {
    const post = await tx.post.findUnique({
      where: { id: input.postId },
      select: {
        isOpening: true,
        deletedAt: true,
        thread: { select: { id: true, slug: true, kind: true, authorId: true, deletedAt: true, acceptedPostId: true } },
      },
    });
    if (!post) throw new AppError("NOT_FOUND", { details: { field: "postId" } });
    const { thread } = post;
    if (thread.authorId !== member.id && !isModerator) throw new AppError("FORBIDDEN", { details: { reason: "NOT_QUESTION_AUTHOR" } });
    if (thread.kind !== "QUESTION") throw new AppError("FORBIDDEN", { details: { reason: "NOT_A_QUESTION" } });
    if (thread.deletedAt) throw new AppError("FORBIDDEN", { details: { reason: "THREAD_DELETED" } });
    if (post.isOpening) throw new AppError("FORBIDDEN", { details: { reason: "NOT_A_REPLY" } });

    let acceptedPostId = thread.acceptedPostId;
    if (input.accept) {
      if (post.deletedAt) throw new AppError("FORBIDDEN", { details: { reason: "POST_DELETED" } });
      acceptedPostId = input.postId;
    } else if (thread.acceptedPostId === input.postId) {
      acceptedPostId = null;
    }
    if (acceptedPostId !== thread.acceptedPostId) {
      await tx.thread.update({ where: { id: thread.id }, data: { acceptedPostId }, select: { id: true } });
      await publishThreadActivity(tx, { threadId: thread.id, postId: input.postId, kind: "accepted" });
    }
    // Only a post becoming the accepted answer notifies (its author); taking the mark back does not.
    const eventId =
      acceptedPostId !== null && acceptedPostId !== thread.acceptedPostId
        ? await recordNotificationEvent(tx, { kind: "ANSWER_ACCEPTED", threadId: thread.id, postId: acceptedPostId, actorId: member.id })
        : null;
    return { threadId: thread.id, threadSlug: thread.slug, acceptedPostId, eventId };
  });
  if (result.eventId !== null) await enqueueFanOut(result.eventId);
  return { threadId: result.threadId, threadSlug: result.threadSlug, acceptedPostId: result.acceptedPostId };
}
