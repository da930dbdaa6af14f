import "server-only";
import { db } from "@/server/db/client";

/** How many of a person's notifications are unread (the bell's badge); index (userId, readAt, createdAt). */
export async function countUnreadNotifications(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

/**
 * The unread counts of those among `userIds` who got a notification for `eventId` — one query
 * however many people an instance streams to (the unique (eventId, userId) index picks them).
 * Without `eventId`: the counts of all of `userIds` (after a resync), zero included.
 */
export async function countUnreadNotificationsOf(userIds: readonly string[], eventId?: bigint): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const ids = [...userIds];
  const rows =
    eventId === undefined
      ? await db().$queryRaw<{ userId: string; unread: number }[]>`
          SELECT u."id" AS "userId",
                 (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u."id" AND n."readAt" IS NULL) AS "unread"
          FROM unnest(${ids}::text[]) AS u("id")`
      : await db().$queryRaw<{ userId: string; unread: number }[]>`
          SELECT r."userId",
                 (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = r."userId" AND n."readAt" IS NULL) AS "unread"
          FROM "Notification" r
          WHERE r."eventId" = ${eventId} AND r."userId" = ANY(${ids}::text[])`;
  return new Map(rows.map((row) => [row.userId, row.unread]));
}
