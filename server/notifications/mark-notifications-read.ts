import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { publishLiveEvent } from "@/server/live/publish-live-event";
import { NOTIFICATIONS_LIVE_CHANNEL } from "./notifications-live-channel";

export type MarkNotificationsReadInput = {
  /** The signed-in person's id (null when signed out): only their own rows are ever touched. */
  actorId: string | null;
} & ({ notificationId: string } | { all: true });

/**
 * Marks one of the person's notifications, or all of them, as read and returns their new unread
 * count. Someone else's id (or an unknown one, or one already read) changes nothing: the answer is
 * the same, so it tells nothing about other people's rows. The person's other tabs hear
 * `{ readBy }` on the live channel (after commit) and update their bell.
 */
export async function markNotificationsRead(input: MarkNotificationsReadInput): Promise<{ unread: number }> {
  const userId = input.actorId;
  if (!userId) throw new AppError("SIGN_IN_REQUIRED");
  const oneId = "notificationId" in input ? BigInt(input.notificationId) : null;

  return db().$transaction(async (tx) => {
    // The count is read from the statement's snapshot (before the update), minus what it updated.
    const [result] = await tx.$queryRaw<{ changed: number; unread: number }[]>`
      WITH updated AS (
        UPDATE "Notification" SET "readAt" = now()
        WHERE "userId" = ${userId} AND "readAt" IS NULL AND (${oneId}::bigint IS NULL OR "id" = ${oneId}::bigint)
        RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM updated) AS "changed",
             ((SELECT count(*) FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL)
               - (SELECT count(*) FROM updated))::int AS "unread"`;
    if (result && result.changed > 0) await publishLiveEvent(tx, NOTIFICATIONS_LIVE_CHANNEL, { readBy: userId });
    return { unread: result?.unread ?? 0 };
  });
}
