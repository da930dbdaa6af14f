import "server-only";
import { db } from "@/server/db/client";
import { requirePermission } from "./require-permission";

export type ModerationOverview = { openReviews: number; pendingPosts: number; hiddenPosts: number; activeSanctions: number };

/**
 * The dashboard's counts, in one query: open review items, posts waiting for review, hidden
 * posts, sanctions in force (silences and suspensions not revoked and not yet ended).
 */
export async function getModerationOverview(actorId: string | null): Promise<ModerationOverview> {
  await requirePermission(actorId, "moderation.access");
  const [row] = await db().$queryRaw<{ openReviews: number; pendingPosts: number; hiddenPosts: number; activeSanctions: number }[]>`
    SELECT
      (SELECT count(*) FROM "ReviewItem" WHERE status = 'OPEN')::int AS "openReviews",
      (SELECT count(*) FROM "Post" WHERE visibility = 'PENDING_REVIEW' AND "deletedAt" IS NULL)::int AS "pendingPosts",
      (SELECT count(*) FROM "Post" WHERE visibility = 'HIDDEN' AND "deletedAt" IS NULL)::int AS "hiddenPosts",
      (SELECT count(*) FROM "Sanction"
        WHERE kind <> 'WARNING' AND "revokedAt" IS NULL AND "startsAt" <= now() AND ("endsAt" IS NULL OR "endsAt" > now()))::int AS "activeSanctions"`;
  return row ?? { openReviews: 0, pendingPosts: 0, hiddenPosts: 0, activeSanctions: 0 };
}
