import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { findMember } from "@/server/membership/find-member";
import { publishThreadActivity } from "./publish-thread-activity";

export type DeletePostInput = {
  /** The signed-in person's id (null when signed out): membership is checked here, not trusted. */
  actorId: string | null;
  postId: string;
};

/**
 * Soft delete by the author or a moderator/admin: deletedAt is set and pages show "deleted" in
 * place; the text stays in the database (revisions, moderation) and replies stay where they are.
 * Deleting the opening post deletes the thread (a thread without its question makes no sense).
 * A deleted accepted answer stops being the accepted one. Deleting twice is a no-op.
 * Throws AppError (membership codes), NOT_FOUND or FORBIDDEN (details.reason NOT_AUTHOR).
 */
export async function deletePost(input: DeletePostInput): Promise<{ postId: string; threadId: string; threadSlug: string }> {
  const member = await findMember(input.actorId);
  const isModerator = member.role === "MODERATOR" || member.role === "ADMIN";

  return db().$transaction(async (tx) => {
    const post = await tx.post.findUnique({
      where: { id: input.postId },
      select: { authorId: true, isOpening: true, deletedAt: true, thread: { select: { id: true, slug: true, acceptedPostId: true } } },
    });
    if (!post) throw new AppError("NOT_FOUND", { details: { field: "postId" } });
    if (post.authorId !== member.id && !isModerator) throw new AppError("FORBIDDEN", { details: { reason: "NOT_AUTHOR" } });
    const result = { postId: input.postId, threadId: post.thread.id, threadSlug: post.thread.slug };
    if (post.deletedAt) return result;

    const now = new Date();
    await tx.post.update({ where: { id: input.postId }, data: { deletedAt: now }, select: { id: true } });
    if (post.isOpening) {
      await tx.thread.update({ where: { id: post.thread.id }, data: { deletedAt: now }, select: { id: true } });
    } else if (post.thread.acceptedPostId === input.postId) {
      await tx.thread.update({ where: { id: post.thread.id }, data: { acceptedPostId: null }, select: { id: true } });
    }
    await publishThreadActivity(tx, { threadId: post.thread.id, postId: input.postId, kind: "deleted" });
    return result;
  });
}
