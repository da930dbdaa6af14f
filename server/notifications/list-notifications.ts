import "server-only";
import { db } from "@/server/db/client";
import { countPages, type Paged } from "@/lib/pagination";
import {
  NOTIFICATIONS_PAGE_SIZE,
  type ModerationNoticeKind,
  type NotificationEventKind,
  type NotificationItem,
  type NotificationReason,
} from "@/lib/notifications/notification-vocabulary";

export type NotificationPage = Paged<NotificationItem> & { unread: number };

type Row = {
  id: bigint;
  reason: NotificationReason;
  kind: NotificationEventKind | null;
  noticeKind: ModerationNoticeKind | null;
  noticeReason: string | null;
  actorName: string | null;
  threadId: string | null;
  threadSlug: string | null;
  threadTitle: string | null;
  threadDeleted: boolean;
  postId: string | null;
  productName: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/**
 * One page of a person's notifications, newest first, each with what happened (reason and event
 * kind, or the moderation notice and its reason), who did it, the thread (title, permalink parts,
 * deleted or not), the product and whether it was read. The page's rows are ONE query (outer
 * joins: a notice has no event, and may concern no thread) over index (userId, createdAt desc);
 * the totals are one aggregate over the person's rows.
 */
export async function listNotifications(userId: string, page: number): Promise<NotificationPage> {
  const [rows, [totals]] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT n."id", n."reason"::text AS "reason", e."kind"::text AS "kind",
             mn."kind"::text AS "noticeKind", mn."reason" AS "noticeReason", a."displayName" AS "actorName",
             t."id" AS "threadId", t."slug" AS "threadSlug", t."title" AS "threadTitle",
             COALESCE(t."deletedAt" IS NOT NULL, false) AS "threadDeleted", n."postId", p."name" AS "productName",
             n."createdAt", n."readAt"
      FROM "Notification" n
      LEFT JOIN "NotificationEvent" e ON e."id" = n."eventId"
      LEFT JOIN "ModerationNotice" mn ON mn."id" = n."noticeId"
      LEFT JOIN "User" a ON a."id" = e."actorId"
      LEFT JOIN "Thread" t ON t."id" = n."threadId"
      LEFT JOIN "Product" p ON p."id" = t."productId"
      WHERE n."userId" = ${userId}
      ORDER BY n."createdAt" DESC, n."id" DESC
      LIMIT ${NOTIFICATIONS_PAGE_SIZE} OFFSET ${(page - 1) * NOTIFICATIONS_PAGE_SIZE}`,
    db().$queryRaw<{ total: number; unread: number }[]>`
      SELECT count(*)::int AS "total", count(*) FILTER (WHERE "readAt" IS NULL)::int AS "unread"
      FROM "Notification" WHERE "userId" = ${userId}`,
  ]);
  const total = totals?.total ?? 0;
  return {
    items: rows.map(({ id, readAt, noticeKind, noticeReason, ...row }) => ({
      ...row,
      id: id.toString(),
      notice: noticeKind ? { kind: noticeKind, reason: noticeReason ?? "" } : null,
      read: readAt !== null,
    })),
    page,
    pageSize: NOTIFICATIONS_PAGE_SIZE,
    total,
    pageCount: countPages(total, NOTIFICATIONS_PAGE_SIZE),
    unread: totals?.unread ?? 0,
  };
}
