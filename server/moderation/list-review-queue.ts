import "server-only";
import type { QueueAge, QueueReason, ReviewQueueFilters } from "@/lib/moderation/review-queue-schemas";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import { requirePermission } from "./require-permission";

export const REVIEW_QUEUE_PAGE_SIZE = 25;

export type ReviewQueueItem = {
  id: string;
  kind: "FLAGGED" | "PRE_MODERATION";
  openedAt: Date;
  claimedBy: { id: string; displayName: string | null } | null;
  post: {
    id: string;
    isOpening: boolean;
    visibility: "VISIBLE" | "PENDING_REVIEW" | "HIDDEN";
    bodyHtml: string;
    bodyMarkdown: string;
    createdAt: Date;
    author: { id: string; displayName: string | null } | null;
  };
  thread: { id: string; slug: string; title: string };
  product: { slug: string; name: string };
  /** Open flags (not yet dealt with by a review), per reason, and their notes (newest first, at most 5). */
  flagCount: number;
  flagReasons: { reason: "SPAM" | "OFF_TOPIC" | "ABUSIVE" | "OTHER"; count: number }[];
  flagNotes: string[];
};

export type ReviewQueuePage = { items: ReviewQueueItem[]; nextCursor: string | null };

const AGE_DAYS: Record<Exclude<QueueAge, "any">, number> = { "1d": 1, "7d": 7, "30d": 30 };

type Row = {
  id: string;
  kind: ReviewQueueItem["kind"];
  openedAt: Date;
  claimedById: string | null;
  claimedByName: string | null;
  postId: string;
  isOpening: boolean;
  visibility: ReviewQueueItem["post"]["visibility"];
  bodyHtml: string;
  bodyMarkdown: string;
  postCreatedAt: Date;
  authorId: string;
  authorName: string | null;
  authorDeleted: boolean;
  threadId: string;
  threadSlug: string;
  threadTitle: string;
  productSlug: string;
  productName: string;
  flagCount: number;
  flagReasons: { reason: ReviewQueueItem["flagReasons"][number]["reason"]; count: number }[] | null;
  flagNotes: string[] | null;
};

/**
 * One page of OPEN review items, oldest first ("queue.review"), in one query: each item with its
 * post, thread, product, claimer and its open flags counted per reason. Filters: product slug,
 * reason (a flag reason, or PRE_MODERATION for pre-moderated posts), age ("older than"). Keyset
 * pagination on (openedAt, id): `after` is the previous page's nextCursor.
 * Throws SIGN_IN_REQUIRED or FORBIDDEN (MISSING_PERMISSION).
 */
export async function listReviewQueue(actorId: string | null, filters: ReviewQueueFilters = {}, now: Date = new Date()): Promise<ReviewQueuePage> {
  await requirePermission(actorId, "queue.review");
  const conditions: Prisma.Sql[] = [Prisma.sql`ri."status" = 'OPEN'`];
  if (filters.product) conditions.push(Prisma.sql`pr."slug" = ${filters.product}`);
  if (filters.reason) conditions.push(reasonCondition(filters.reason));
  if (filters.age && filters.age !== "any") conditions.push(Prisma.sql`ri."openedAt" < ${new Date(now.getTime() - AGE_DAYS[filters.age] * 86_400_000)}`);
  const cursor = parseCursor(filters.after);
  if (cursor) conditions.push(Prisma.sql`(ri."openedAt", ri."id") > (${cursor.openedAt}, ${cursor.id})`);

  const rows = await db().$queryRaw<Row[]>`
    SELECT ri."id", ri."kind"::text AS "kind", ri."openedAt", ri."claimedById", cu."displayName" AS "claimedByName",
           p."id" AS "postId", p."isOpening", p."visibility"::text AS "visibility", p."bodyHtml", p."bodyMarkdown", p."createdAt" AS "postCreatedAt",
           p."authorId", au."displayName" AS "authorName", (au."deletedAt" IS NOT NULL) AS "authorDeleted",
           t."id" AS "threadId", t."slug" AS "threadSlug", t."title" AS "threadTitle", pr."slug" AS "productSlug", pr."name" AS "productName",
           COALESCE(fl."flagCount", 0)::int AS "flagCount", fl."flagReasons", fl."flagNotes"
    FROM "ReviewItem" ri
    JOIN "Post" p ON p."id" = ri."postId"
    JOIN "User" au ON au."id" = p."authorId"
    JOIN "Thread" t ON t."id" = p."threadId"
    JOIN "Product" pr ON pr."id" = t."productId"
    LEFT JOIN "User" cu ON cu."id" = ri."claimedById"
    LEFT JOIN LATERAL (
      SELECT sum(g."count")::int AS "flagCount",
             json_agg(json_build_object('reason', g."reason", 'count', g."count") ORDER BY g."count" DESC, g."reason") AS "flagReasons",
             (SELECT array_agg(n."note" ORDER BY n."createdAt" DESC) FROM (
                SELECT f2."note", f2."createdAt" FROM "PostFlag" f2
                WHERE f2."postId" = ri."postId" AND f2."reviewItemId" IS NULL AND f2."note" IS NOT NULL
                ORDER BY f2."createdAt" DESC LIMIT 5) n) AS "flagNotes"
      FROM (
        SELECT f."reason"::text AS "reason", count(*)::int AS "count" FROM "PostFlag" f
        WHERE f."postId" = ri."postId" AND f."reviewItemId" IS NULL
        GROUP BY f."reason"
      ) g
    ) fl ON true
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ri."openedAt", ri."id"
    LIMIT ${REVIEW_QUEUE_PAGE_SIZE + 1}`;

  const page = rows.slice(0, REVIEW_QUEUE_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    nextCursor: rows.length > REVIEW_QUEUE_PAGE_SIZE && last ? `${last.openedAt.toISOString()}_${last.id}` : null,
  };
}

function reasonCondition(reason: QueueReason): Prisma.Sql {
  if (reason === "PRE_MODERATION") return Prisma.sql`ri."kind" = 'PRE_MODERATION'`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "PostFlag" f WHERE f."postId" = ri."postId" AND f."reviewItemId" IS NULL AND f."reason" = ${reason}::"FlagReason")`;
}

function parseCursor(after: string | undefined): { openedAt: Date; id: string } | null {
  if (!after) return null;
  const separator = after.indexOf("_");
  if (separator < 0) return null;
  const openedAt = new Date(after.slice(0, separator));
  const id = after.slice(separator + 1);
  return Number.isNaN(openedAt.getTime()) || !/^[a-z0-9]{8,40}$/i.test(id) ? null : { openedAt, id };
}

function toItem(row: Row): ReviewQueueItem {
  return {
    id: row.id,
    kind: row.kind,
    openedAt: row.openedAt,
    claimedBy: row.claimedById ? { id: row.claimedById, displayName: row.claimedByName } : null,
    post: {
      id: row.postId,
      isOpening: row.isOpening,
      visibility: row.visibility,
      bodyHtml: row.bodyHtml,
      bodyMarkdown: row.bodyMarkdown,
      createdAt: row.postCreatedAt,
      author: row.authorDeleted ? null : { id: row.authorId, displayName: row.authorName },
    },
    thread: { id: row.threadId, slug: row.threadSlug, title: row.threadTitle },
    product: { slug: row.productSlug, name: row.productName },
    flagCount: row.flagCount,
    flagReasons: row.flagReasons ?? [],
    flagNotes: row.flagNotes ?? [],
  };
}
