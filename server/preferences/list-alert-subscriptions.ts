import "server-only";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import { countPages, type Paged } from "@/lib/pagination";
import { categoryPath, productPath } from "@/lib/catalog/catalog-paths";
import { threadPath } from "@/lib/discussions/discussion-paths";
import type { AlertLevel, AlertTargetType } from "@/lib/preferences/alert-vocabulary";

export const ALERT_SUBSCRIPTIONS_PAGE_SIZE = 20;

export type AlertSubscriptionView = {
  id: string;
  targetType: AlertTargetType;
  targetId: string;
  /** Product or category name, thread title. */
  name: string;
  /** Where the target lives; null for a deleted thread (it can still be stopped). */
  href: string | null;
  level: AlertLevel;
  inApp: boolean;
  email: boolean;
  /** Where the member made the choice (ConsentSource): PRODUCT_PAGE, PREFERENCE_CENTER, … */
  source: string;
  chosenAt: Date;
  muted: boolean;
};

type Row = {
  id: string;
  productId: string | null;
  categoryId: string | null;
  threadId: string | null;
  level: AlertLevel;
  inApp: boolean;
  email: boolean;
  source: string;
  chosenAt: Date;
  productName: string | null;
  productSlug: string | null;
  categoryName: string | null;
  categorySlug: string | null;
  threadTitle: string | null;
  threadSlug: string | null;
  threadDeletedAt: Date | null;
  total: bigint;
};

/**
 * One page of a member's alert subscriptions, most recent choice first, with what each is about
 * (name and link) — one query joining the three kinds of target, the total counted in the same
 * query. `muted`: true lists only Muted rows, false only the subscriptions above them, undefined
 * everything (each row flagged).
 */
export async function listAlertSubscriptions({ userId, page, muted }: { userId: string; page: number; muted?: boolean }): Promise<Paged<AlertSubscriptionView>> {
  const pageSize = ALERT_SUBSCRIPTIONS_PAGE_SIZE;
  const levelFilter =
    muted === undefined ? Prisma.empty : muted ? Prisma.sql`AND s."level" = 'MUTED'` : Prisma.sql`AND s."level" <> 'MUTED'`;
  const rows = await db().$queryRaw<Row[]>`
    SELECT s."id", s."productId", s."categoryId", s."threadId", s."level"::text AS "level", s."inApp", s."email",
           s."source"::text AS "source", s."chosenAt",
           p."name" AS "productName", p."slug" AS "productSlug",
           c."name" AS "categoryName", c."slug" AS "categorySlug",
           t."title" AS "threadTitle", t."slug" AS "threadSlug", t."deletedAt" AS "threadDeletedAt",
           COUNT(*) OVER () AS "total"
      FROM "AlertSubscription" s
      LEFT JOIN "Product" p ON p."id" = s."productId"
      LEFT JOIN "Category" c ON c."id" = s."categoryId"
      LEFT JOIN "Thread" t ON t."id" = s."threadId"
     WHERE s."userId" = ${userId} ${levelFilter}
     ORDER BY s."chosenAt" DESC, s."id" DESC
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  // Past the last page the window count has no row to ride on: count separately (rare).
  const total =
    rows[0] !== undefined
      ? Number(rows[0].total)
      : page === 1
        ? 0
        : await db().alertSubscription.count({ where: { userId, ...(muted === undefined ? {} : muted ? { level: "MUTED" } : { level: { not: "MUTED" } }) } });
  return { items: rows.map(toView), page, pageSize, total, pageCount: countPages(total, pageSize) };
}

function toView(row: Row): AlertSubscriptionView {
  const common = { id: row.id, level: row.level, inApp: row.inApp, email: row.email, source: row.source, chosenAt: row.chosenAt, muted: row.level === "MUTED" };
  if (row.productId) return { ...common, targetType: "product", targetId: row.productId, name: row.productName ?? "", href: productPath(row.productSlug ?? "") };
  if (row.categoryId) return { ...common, targetType: "category", targetId: row.categoryId, name: row.categoryName ?? "", href: categoryPath(row.categorySlug ?? "") };
  const threadId = row.threadId ?? "";
  return { ...common, targetType: "thread", targetId: threadId, name: row.threadTitle ?? "", href: row.threadDeletedAt ? null : threadPath(threadId, row.threadSlug ?? "") };
}
