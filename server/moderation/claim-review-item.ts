import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";

export type ClaimReviewItemInput = {
  /** The signed-in person's id; the permission is read from the database, not trusted. */
  actorId: string | null;
  reviewItemId: string;
  /** true = claim (so other moderators see who is on it), false = let it go. */
  claim: boolean;
  requestId: string;
};

export type ClaimReviewItemResult = { claimedBy: { id: string; displayName: string | null } | null };

/**
 * Claims or unclaims one OPEN review item ("queue.review"). Claiming an item someone else holds
 * is refused (they are on it); a moderator lets go only of their own claim. Claiming twice is a
 * no-op. The change and its audit row ("review.claim" / "review.unclaim") commit together.
 * Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION, CLAIMED_BY_OTHER), NOT_FOUND (unknown or
 * already resolved).
 */
export async function claimReviewItem(input: ClaimReviewItemInput): Promise<ClaimReviewItemResult> {
  const moderator = await requirePermission(input.actorId, "queue.review");
  return db().$transaction(async (tx) => {
    const [item] = await tx.$queryRaw<{ claimedById: string | null; status: string }[]>`
      SELECT "claimedById", "status"::text AS "status" FROM "ReviewItem" WHERE "id" = ${input.reviewItemId} FOR UPDATE`;
    if (!item || item.status !== "OPEN") throw new AppError("NOT_FOUND", { details: { field: "reviewItemId" } });
    const me = { id: moderator.id, displayName: moderator.displayName };
    if (item.claimedById && item.claimedById !== moderator.id) throw new AppError("FORBIDDEN", { details: { reason: "CLAIMED_BY_OTHER" } });
    if (input.claim === (item.claimedById === moderator.id)) return { claimedBy: input.claim ? me : null };

    await tx.reviewItem.update({
      where: { id: input.reviewItemId },
      data: input.claim ? { claimedById: moderator.id, claimedAt: new Date() } : { claimedById: null, claimedAt: null },
      select: { id: true },
    });
    await recordAuditEntry(tx, {
      actorId: moderator.id,
      action: input.claim ? "review.claim" : "review.unclaim",
      targetType: "review",
      targetId: input.reviewItemId,
      before: { claimedById: item.claimedById },
      after: { claimedById: input.claim ? moderator.id : null },
      requestId: input.requestId,
    });
    return { claimedBy: input.claim ? me : null };
  });
}
