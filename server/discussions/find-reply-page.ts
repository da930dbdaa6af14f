import "server-only";
import { db } from "@/server/db/client";

// cuid-style ids; anything else cannot name a post.
const ID_PATTERN = /^[a-z0-9]{8,40}$/i;

/**
 * The reply page (1-based) that shows a post of this thread, for permalinks `?post=<id>`. The
 * opening post is on every page, so it answers 1; null when the post is not in this thread.
 */
export async function findReplyPage(threadId: string, postId: string, topLevelPerPage: number): Promise<number | null> {
  if (!ID_PATTERN.test(postId)) return null;
  const post = await db().post.findFirst({ where: { id: postId, threadId }, select: { isOpening: true, rootReplyId: true } });
  if (!post) return null;
  if (post.isOpening || !post.rootReplyId) return 1;
  const root = await db().post.findUnique({ where: { id: post.rootReplyId }, select: { id: true, createdAt: true } });
  if (!root) return null;
  // Top-level replies before it in the page order (createdAt, id).
  const before = await db().post.count({
    where: {
      threadId,
      depth: 1,
      OR: [{ createdAt: { lt: root.createdAt } }, { createdAt: root.createdAt, id: { lt: root.id } }],
    },
  });
  return Math.floor(before / topLevelPerPage) + 1;
}
