import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { rateLimiterFor } from "@/server/http/rate-limiter-for-policy";
import { enqueueFanOut } from "@/server/jobs/enqueue-fan-out";
import { findMember } from "@/server/membership/find-member";
import { recordEditMentions } from "@/server/notifications/record-post-mentions";
import { publishThreadActivity } from "./publish-thread-activity";
import { renderPostBodyWithMentions } from "./render-post-body";

export type EditPostInput = {
  /** The signed-in person's id (null when signed out): membership is checked here, not trusted. */
  actorId: string | null;
  postId: string;
  /** Required when editing a thread's opening post (it carries the thread's title), ignored otherwise. */
  title?: string;
  body: string;
};

/**
 * The author (only) replaces a post's text. The previous text (and title, for an opening post)
 * is kept as a PostRevision first, so every version stays viewable; editedAt is set. The slug is
 * left alone so links already shared keep working.
 * Throws AppError (membership codes), NOT_FOUND, FORBIDDEN (details.reason NOT_AUTHOR /
 * POST_DELETED / THREAD_DELETED), INVALID_INPUT (details.field "title") or RATE_LIMITED
 * (details.retryAt; policy "post-edit", per member).
 */
export async function editPost(input: EditPostInput): Promise<{ postId: string; threadId: string; threadSlug: string }> {
  const member = await findMember(input.actorId);
  // Edits are not Post rows, so the exact per-member count of new posts does not see them.
  const limit = await rateLimiterFor("post-edit").take(member.id);
  if (!limit.allowed) throw new AppError("RATE_LIMITED", { details: { retryAt: new Date(Date.now() + limit.retryAfterSeconds * 1000).toISOString() } });
  const { html: bodyHtml, mentionedUserIds } = await renderPostBodyWithMentions(input.body);

  const edited = await db().$transaction(async (tx) => {
    // Row lock: two edits at once get consecutive revision numbers instead of a unique violation.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Post" WHERE "id" = ${input.postId} FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", { details: { field: "postId" } });
    const post = await tx.post.findUniqueOrThrow({
      where: { id: input.postId },
      select: {
        authorId: true,
        isOpening: true,
        bodyMarkdown: true,
        deletedAt: true,
        thread: { select: { id: true, slug: true, title: true, deletedAt: true } },
        revisions: { select: { revision: true }, orderBy: { revision: "desc" }, take: 1 },
      },
    });
    if (post.authorId !== member.id) throw new AppError("FORBIDDEN", { details: { reason: "NOT_AUTHOR" } });
    if (post.deletedAt) throw new AppError("FORBIDDEN", { details: { reason: "POST_DELETED" } });
    if (post.thread.deletedAt) throw new AppError("FORBIDDEN", { details: { reason: "THREAD_DELETED" } });
    if (post.isOpening && !input.title) throw new AppError("INVALID_INPUT", { details: { field: "title" } });

    await tx.postRevision.create({
      data: {
        postId: input.postId,
        editorId: member.id,
        revision: (post.revisions[0]?.revision ?? 0) + 1,
        title: post.isOpening ? post.thread.title : null,
        bodyMarkdown: post.bodyMarkdown,
      },
      select: { id: true },
    });
    await tx.post.update({
      where: { id: input.postId },
      data: { bodyMarkdown: input.body, bodyHtml, editedAt: new Date() },
      select: { id: true },
    });
    if (post.isOpening && input.title) {
      await tx.thread.update({ where: { id: post.thread.id }, data: { title: input.title }, select: { id: true } });
    }
    await publishThreadActivity(tx, { threadId: post.thread.id, postId: input.postId, kind: "edited" });
    // Only people the edit newly mentions are notified (an outbox row only when there are some).
    const eventId = await recordEditMentions(tx, { postId: input.postId, threadId: post.thread.id, actorId: member.id, userIds: mentionedUserIds });
    return { postId: input.postId, threadId: post.thread.id, threadSlug: post.thread.slug, eventId };
  });
  if (edited.eventId !== null) await enqueueFanOut(edited.eventId);
  return { postId: edited.postId, threadId: edited.threadId, threadSlug: edited.threadSlug };
}
