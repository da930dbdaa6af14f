import "server-only";
import { flagPostSchema, type FlagReasonChoice } from "@/lib/moderation/flag-post-schema";
import { generateRowId } from "@/server/catalog/generate-row-id";
import { db, type Prisma } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError } from "@/server/errors/app-error";
import { publishPublicPageChange } from "@/server/http/publish-public-page-change";
import { FLAG_RATE_LIMIT } from "@/server/http/rate-limit-policies";
import { findMember } from "@/server/membership/find-member";
import { openReviewItem } from "./open-review-item";

// Flags per member per hour, whatever the posts: the number lives with every other rate limit.
export { FLAG_RATE_LIMIT };

export type FlagPostInput = {
  /** The signed-in person's id (null when signed out): membership is checked here, not trusted. */
  actorId: string | null;
  postId: string;
  reason: FlagReasonChoice;
  note?: string;
};

export type FlagPostResult = {
  /** True when this flag took the post to the threshold: it now waits for review, hidden. */
  hidden: boolean;
};

/**
 * A member flags someone else's post, once per post. The flag always opens (or joins) the post's
 * OPEN review item; when the post's open flags (those no review has dealt with yet) reach
 * MODERATION_FLAG_THRESHOLD, a visible post becomes PENDING_REVIEW and is hidden from everyone
 * but its author and moderators. All in one transaction under a row lock on the post, so
 * concurrent flags count correctly. Flags are a member's action: no audit row.
 *
 * Throws AppError (membership codes), INVALID_INPUT (details.field), NOT_FOUND (unknown, deleted
 * or already hidden post, or deleted thread), FORBIDDEN (details.reason OWN_POST / ALREADY_FLAGGED) or RATE_LIMITED
 * (details.retryAt).
 */
export async function flagPost(input: FlagPostInput, now: Date = new Date()): Promise<FlagPostResult> {
  const parsed = flagPostSchema.safeParse({ postId: input.postId, reason: input.reason, note: input.note });
  if (!parsed.success) throw new AppError("INVALID_INPUT", { details: { field: String(parsed.error.issues[0]?.path[0] ?? "form") } });
  const { postId, reason, note } = parsed.data;
  const member = await findMember(input.actorId);

  return db().$transaction(async (tx) => {
    const [post] = await tx.$queryRaw<{ authorId: string; threadId: string; deletedAt: Date | null; threadDeletedAt: Date | null; visibility: string }[]>`
      SELECT p."authorId", p."threadId", p."deletedAt", t."deletedAt" AS "threadDeletedAt", p."visibility"::text AS "visibility"
      FROM "Post" p JOIN "Thread" t ON t."id" = p."threadId"
      WHERE p."id" = ${postId}
      FOR UPDATE OF p`;
    // A post waiting for review or hidden is not shown to other members: nothing to flag.
    if (!post || post.deletedAt || post.threadDeletedAt || post.visibility !== "VISIBLE") throw new AppError("NOT_FOUND", { details: { field: "postId" } });
    if (post.authorId === member.id) throw new AppError("FORBIDDEN", { details: { reason: "OWN_POST" } });

    const already = await tx.postFlag.findUnique({ where: { postId_flaggerId: { postId, flaggerId: member.id } }, select: { id: true } });
    if (already) throw new AppError("FORBIDDEN", { details: { reason: "ALREADY_FLAGGED" } });
    await checkFlagRate(tx, member.id, now);

    const inserted = await tx.$executeRaw`
      INSERT INTO "PostFlag" ("id", "postId", "flaggerId", "reason", "note", "createdAt")
      VALUES (${generateRowId()}, ${postId}, ${member.id}, ${reason}::"FlagReason", ${note ?? null}, ${now})
      ON CONFLICT ("postId", "flaggerId") DO NOTHING`;
    if (inserted === 0) throw new AppError("FORBIDDEN", { details: { reason: "ALREADY_FLAGGED" } });

    await openReviewItem(tx, postId, "FLAGGED");
    const openFlags = await tx.postFlag.count({ where: { postId, reviewItemId: null } });
    if (openFlags < env().MODERATION_FLAG_THRESHOLD) return { hidden: false };
    await tx.post.update({ where: { id: postId }, data: { visibility: "PENDING_REVIEW" }, select: { id: true } });
    // Hidden from readers now: anonymous readers' cached copies of the thread go at commit.
    await publishPublicPageChange(tx, { threadIds: [post.threadId] });
    return { hidden: true };
  });
}

/** RATE_LIMITED when the member already flagged FLAG_RATE_LIMIT.max posts in the window (serialized per member). */
async function checkFlagRate(tx: Prisma.TransactionClient, flaggerId: string, now: Date): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('flag-rate'), hashtext(${flaggerId}))`;
  const recent = await tx.postFlag.findMany({
    where: { flaggerId, createdAt: { gt: new Date(now.getTime() - FLAG_RATE_LIMIT.windowMs) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: FLAG_RATE_LIMIT.max,
  });
  if (recent.length < FLAG_RATE_LIMIT.max) return;
  const retryAt = new Date(recent[FLAG_RATE_LIMIT.max - 1]!.createdAt.getTime() + FLAG_RATE_LIMIT.windowMs);
  throw new AppError("RATE_LIMITED", { details: { retryAt: retryAt.toISOString() } });
}
