import "server-only";
import { db } from "@/server/db/client";
import { requirePermission } from "./require-permission";

/** The products that have OPEN review items, for the queue's product filter ("queue.review"). */
export async function listReviewQueueProducts(actorId: string | null): Promise<{ slug: string; name: string; count: number }[]> {
  await requirePermission(actorId, "queue.review");
  return db().$queryRaw<{ slug: string; name: string; count: number }[]>`
    SELECT pr."slug", pr."name", count(*)::int AS "count"
    FROM "ReviewItem" ri
    JOIN "Post" p ON p."id" = ri."postId"
    JOIN "Thread" t ON t."id" = p."threadId"
    JOIN "Product" pr ON pr."id" = t."productId"
    WHERE ri."status" = 'OPEN'
    GROUP BY pr."slug", pr."name"
    ORDER BY pr."name"`;
}
