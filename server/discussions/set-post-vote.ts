import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { findMember } from "@/server/membership/find-member";

export type SetPostVoteInput = {
  /** The signed-in person's id (null when signed out): membership is checked here, not trusted. */
  actorId: string | null;
  postId: string;
  /** The state the member wants (not a toggle), so repeated or concurrent clicks converge. */
  helpful: boolean;
};

export type PostVoteResult = { threadId: string; threadSlug: string; helpful: boolean; helpfulCount: number };

/**
 * A member marks someone else's post as helpful, or takes the vote back (one vote per member and
 * post). Locked threads still take votes. Subscribes nobody to anything.
 * Throws AppError (membership codes), NOT_FOUND or FORBIDDEN (details.reason OWN_POST /
 * POST_DELETED / THREAD_DELETED).
 *
 * The counter moves by the number of vote rows actually inserted or deleted, in the same
 * transaction: concurrent requests (same or different members) can never make it drift.
 */
export async function setPostVote(input: SetPostVoteInput): Promise<PostVoteResult> {
  const member = await findMember(input.actorId);

  return db().$transaction(async (tx) => {
    const post = await tx.post.findUnique({
      where: { id: input.postId },
      select: { authorId: true, deletedAt: true, thread: { select: { id: true, slug: true, deletedAt: true } } },
    });
    if (!post) throw new AppError("NOT_FOUND", { details: { field: "postId" } });
    if (post.thread.deletedAt) throw new AppError("FORBIDDEN", { details: { reason: "THREAD_DELETED" } });
    if (post.deletedAt) throw new AppError("FORBIDDEN", { details: { reason: "POST_DELETED" } });
    if (post.authorId === member.id) throw new AppError("FORBIDDEN", { details: { reason: "OWN_POST" } });

    // A concurrent insert of the same row waits for the other transaction and then inserts
    // nothing; a concurrent delete waits and then deletes nothing: each row is counted once.
    const changed = input.helpful
      ? await tx.$executeRaw`INSERT INTO "PostVote" ("postId", "userId") VALUES (${input.postId}, ${member.id}) ON CONFLICT DO NOTHING`
      : -(await tx.$executeRaw`DELETE FROM "PostVote" WHERE "postId" = ${input.postId} AND "userId" = ${member.id}`);

    const { helpfulCount } =
      changed === 0
        ? await tx.post.findUniqueOrThrow({ where: { id: input.postId }, select: { helpfulCount: true } })
        : await tx.post.update({ where: { id: input.postId }, data: { helpfulCount: { increment: changed } }, select: { helpfulCount: true } });
    return { threadId: post.thread.id, threadSlug: post.thread.slug, helpful: input.helpful, helpfulCount };
  });
}
