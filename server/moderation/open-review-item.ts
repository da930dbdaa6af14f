import "server-only";
import type { Prisma } from "@/server/db/client";
import { generateRowId } from "@/server/catalog/generate-row-id";

/**
 * The post's OPEN review item, created if there is none, in one statement: the partial unique
 * index (one OPEN item per post) makes concurrent callers meet on the same row (ON CONFLICT on
 * that index). An open item keeps its kind: a flag on a pre-moderated post joins that review.
 */
export async function openReviewItem(tx: Prisma.TransactionClient, postId: string, kind: "FLAGGED" | "PRE_MODERATION"): Promise<string> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "ReviewItem" ("id", "postId", "kind", "status", "openedAt")
    VALUES (${generateRowId()}, ${postId}, ${kind}::"ReviewKind", 'OPEN', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("postId") WHERE "status" = 'OPEN' DO UPDATE SET "postId" = EXCLUDED."postId"
    RETURNING "id"`;
  return row!.id;
}
