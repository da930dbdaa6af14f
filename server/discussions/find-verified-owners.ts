import "server-only";
import { db } from "@/server/db/client";

/**
 * Which of these authors get the "verified owner" badge on a product's posts: they bought it AND
 * chose to show the badge (the owner-badge consent). One query for a whole page of posts.
 */
export async function findVerifiedOwners(productId: string, authorIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(authorIds)];
  if (ids.length === 0) return new Set();
  const owners = await db().user.findMany({
    where: { id: { in: ids }, showsOwnerBadge: true, deletedAt: null, purchases: { some: { productId } } },
    select: { id: true },
  });
  return new Set(owners.map((owner) => owner.id));
}
