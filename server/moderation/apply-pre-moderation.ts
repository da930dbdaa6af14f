import "server-only";
import type { Prisma } from "@/server/db/client";
import { env } from "@/server/env";
import { openReviewItem } from "./open-review-item";

/**
 * Whether a member's next post waits for review: their first MODERATION_PREMODERATED_POSTS posts
 * do (0 = pre-moderation off). Moderators and admins are never pre-moderated. Call in the post's
 * transaction after checkPostingRate (which serializes one member's posts), before the insert.
 */
export async function isPreModerated(tx: Prisma.TransactionClient, author: { id: string; role: string }): Promise<boolean> {
  const limit = env().MODERATION_PREMODERATED_POSTS;
  if (limit === 0 || author.role !== "MEMBER") return false;
  const earlier = await tx.post.count({ where: { authorId: author.id }, take: limit });
  return earlier < limit;
}

/** Puts a pre-moderated post in the review queue (its visibility is PENDING_REVIEW from the insert). */
export async function queueForPreModeration(tx: Prisma.TransactionClient, postId: string): Promise<void> {
  await openReviewItem(tx, postId, "PRE_MODERATION");
}
