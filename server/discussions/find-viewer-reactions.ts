import "server-only";
import type { ReactionAccess } from "@/lib/discussions/query-keys";
import { db } from "@/server/db/client";
import type { ViewerWriteRole } from "./get-viewer-write-role";
import type { ReplyNode } from "./list-thread-replies";

export type ViewerReactions = {
  /** The posts (among those asked about) the viewer marked as helpful. */
  helpfulPostIds: Set<string>;
  /** Whether the viewer said "I have this question too" about the thread. */
  meToo: boolean;
};

/**
 * The viewer's own votes on a page's posts and their "me too" on the thread: one query for all
 * the posts and one for the thread, whatever the number of posts (never a query per post). Nothing
 * for a signed-out viewer. Only decides how the buttons start: the write functions decide again
 * on every click.
 */
export async function findViewerReactions(userId: string | null, threadId: string, postIds: readonly string[]): Promise<ViewerReactions> {
  if (!userId) return { helpfulPostIds: new Set(), meToo: false };
  const [votes, meToo] = await Promise.all([
    postIds.length > 0 ? db().postVote.findMany({ where: { userId, postId: { in: [...new Set(postIds)] } }, select: { postId: true } }) : [],
    db().threadMeToo.findUnique({ where: { threadId_userId: { threadId, userId } }, select: { threadId: true } }),
  ]);
  return { helpfulPostIds: new Set(votes.map((vote) => vote.postId)), meToo: meToo !== null };
}

/** The ids of every post in a page of replies (whole subtrees), for the one votes query. */
export function replyIdsOf(replies: readonly ReplyNode[]): string[] {
  return replies.flatMap((reply) => [reply.id, ...replyIdsOf(reply.children)]);
}

/** How a viewer may react to a post or question by `authorId`. Decides the UI only. */
export function reactionAccessFor(viewer: ViewerWriteRole, authorId: string | null): ReactionAccess {
  if (viewer.kind === "signedOut") return "signIn";
  if (viewer.kind === "nonMember") return "join";
  return authorId !== null && authorId === viewer.userId ? "readOnly" : "vote";
}
