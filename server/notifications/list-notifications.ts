import "server-only";
import { db } from "@/server/db/client";
import { countPages, type Paged } from "@/lib/pagination";
import { NOTIFICATIONS_PAGE_SIZE, type NotificationEventKind, type NotificationItem, type NotificationReason } from "@/lib/notifications/notification-vocabulary";

export type NotificationPage = Paged<NotificationItem> & { unread: number };

type Row = {
  id: bigint;
  reason: NotificationReason;
  kind: NotificationEventKind;
  actorName: string | null;
  threadId: string;
  threadSlug: string;
  threadTitle: string;
  threadDeleted: boolean;
  postId: string;
  productName: string;
  createdAt: Date;
  readAt: Date | null;
};

/**
 * One page of a person's notifications, newest first, each with what happened (reason and event
 * kind), who did it, the thread (title, permalink parts, deleted or not), the product and whether it
 * was read. The page's rows are ONE query joining event, thread, product and actor (index
 * (userId, createdAt desc)); the totals are one aggregate over the person's rows.
 */
export async function listNotifications(userId: string, page: number): Promise<NotificationPage> {
  const [rows, [totals]] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT n."id", n."reason"::text AS "reason", e."kind"::text AS "kind", a."displayName" AS "actorName",
             t."id" AS "threadId", t."slug" AS "threadSlug", t."title" AS "threadTitle",
             (t."deletedAt" IS NOT NULL) AS "threadDeleted", n."postId", p."name" AS "productName",
             n."createdAt", n."readAt"
      FROM "Notification" n
      JOIN "NotificationEvent" e ON e."id" = n."eventId"
      JOIN "User" a ON a."id" = e."actorId"
      JOIN "Thread" t ON t."id" = n."threadId"
      JOIN "Product" p ON p."id" = t."productId"
      WHERE n."userId" = ${userId}
      ORDER BY n."createdAt" DESC, n."id" DESC
      LIMIT ${NOTIFICATIONS_PAGE_SIZE} OFFSET ${(page - 1) * NOTIFICATIONS_PAGE_SIZE}`,
    db().$queryRaw<{ total: number; unread: number }[]>`
      SELECT count(*)::int AS "total", count(*) FILTER (WHERE "readAt" IS NULL)::int AS "unread"
      FROM "Notification" WHERE "userId" = ${userId}`,
  ]);
  const total = totals?.total ?? 0;
  return {
    items: rows.map(({ id, readAt, ...row }) => ({ ...row, id: id.toString(), read: readAt !== null })),
    page,
    pageSize: NOTIFICATIONS_PAGE_SIZE,
    total,
    pageCount: countPages(total, NOTIFICATIONS_PAGE_SIZE),
    unread: totals?.unread ?? 0,
  };
}
