import "server-only";
import { highlightedSnippetHtml } from "@/lib/discussions/highlighted-snippet-html";
import type { SearchParams } from "@/lib/discussions/search-params";
import { countPages, type Paged } from "@/lib/pagination";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import { anyWordQuery, headline, matchesInOwnLanguage, postBodyVector, queryForRowLanguage, threadTitleVector } from "./full-text-sql";

export const SEARCH_PAGE_SIZE = 20;

export type SearchHit = {
  threadId: string;
  threadSlug: string;
  kind: "QUESTION" | "TIP" | "DISCUSSION";
  solved: boolean;
  replyCount: number;
  lastActivityAt: Date;
  productName: string;
  productSlug: string;
  /** The best-matching post, or null when only the title matched (link to the thread itself). */
  matchedPostId: string | null;
  /** Escaped HTML; only <mark> is markup. */
  titleHtml: string;
  snippetHtml: string;
};

type HitRow = {
  threadId: string;
  threadSlug: string;
  kind: SearchHit["kind"];
  solved: boolean;
  replyCount: number;
  lastActivityAt: Date;
  productName: string;
  productSlug: string;
  matchedPostId: string | null;
  openingPostId: string;
  title: string;
  titleMarked: string;
  snippetMarked: string;
};

/**
 * Threads matching a visitor's words, best first: a thread scores its title and opening text
 * as one document (the title weighing ten times the text: weight A against D) plus its
 * best-matching live reply. Each row is matched
 * and ranked in its own language (french / english stemming). Snippets are highlighted for the
 * page's rows only.
 */
export async function searchPosts(params: SearchParams & { pageSize?: number }): Promise<Paged<SearchHit>> {
  const pageSize = params.pageSize ?? SEARCH_PAGE_SIZE;
  if (params.query === "") return { items: [], page: 1, pageSize, total: 0, pageCount: 1 };

  const query = { en: Prisma.sql`websearch_to_tsquery('english', ${params.query})`, fr: Prisma.sql`websearch_to_tsquery('french', ${params.query})` };
  const anyWords = { en: anyWordQuery("english", params.query), fr: anyWordQuery("french", params.query) };
  // Title weighs ten times the text (A against the default D).
  const openingDocument = Prisma.sql`(setweight(${threadTitleVector}, 'A') || COALESCE(${postBodyVector}, ''::tsvector))`;
  const matched = Prisma.sql`
    WITH reply_hits AS (
      SELECT DISTINCT ON (p."threadId") p."threadId", p.id AS "postId",
        ts_rank_cd(${postBodyVector}, ${queryForRowLanguage(Prisma.sql`p."language"`, query)}) AS rank
      FROM "Post" p
      WHERE NOT p."isOpening" AND p."deletedAt" IS NULL AND p."visibility" = 'VISIBLE' AND ${matchesInOwnLanguage(postBodyVector, Prisma.sql`p."language"`, query)}
      ORDER BY p."threadId", rank DESC, p."createdAt"
    ),
    -- A question's words may be split between its title and its text: match the two as one
    -- document. The indexes find candidates sharing any word; the exact query then decides.
    opening_candidates AS (
      SELECT t.id FROM "Thread" t WHERE ${matchesInOwnLanguage(threadTitleVector, Prisma.sql`t."language"`, anyWords)}
      UNION
      SELECT p."threadId" FROM "Post" p
      WHERE p."isOpening" AND p."deletedAt" IS NULL AND ${matchesInOwnLanguage(postBodyVector, Prisma.sql`p."language"`, anyWords)}
    ),
    opening_hits AS (
      SELECT t.id AS "threadId", ts_rank_cd(${openingDocument}, ${queryForRowLanguage(Prisma.sql`t."language"`, query)}) AS rank
      FROM opening_candidates oc
      JOIN "Thread" t ON t.id = oc.id
      LEFT JOIN "Post" p ON p."threadId" = t.id AND p."isOpening" AND p."deletedAt" IS NULL
      WHERE ${matchesInOwnLanguage(openingDocument, Prisma.sql`t."language"`, query)}
    ),
    scored AS (
      SELECT COALESCE(ph."threadId", th."threadId") AS "threadId", ph."postId",
        COALESCE(th.rank, 0) + COALESCE(ph.rank, 0) AS rank
      FROM reply_hits ph FULL OUTER JOIN opening_hits th ON th."threadId" = ph."threadId"
    )
    SELECT s."threadId", s."postId", s.rank, t.title, t.slug, t.kind, t.language, t."acceptedPostId", t."replyCount", t."lastActivityAt",
      pr.name AS "productName", pr.slug AS "productSlug"
    FROM scored s
    JOIN "Thread" t ON t.id = s."threadId" AND t."deletedAt" IS NULL
      -- A thread whose question waits for review or is hidden is not public.
      AND NOT EXISTS (SELECT 1 FROM "Post" hp WHERE hp."threadId" = t.id AND hp."isOpening" AND hp."visibility" <> 'VISIBLE')
    JOIN "Product" pr ON pr.id = t."productId"
    JOIN "Category" c ON c.id = pr."categoryId"
    WHERE TRUE
      ${params.productSlug ? Prisma.sql`AND pr.slug = ${params.productSlug}` : Prisma.empty}
      ${params.categorySlug ? Prisma.sql`AND c.slug = ${params.categorySlug}` : Prisma.empty}
      ${params.kind ? Prisma.sql`AND t.kind = ${params.kind}::"ThreadKind"` : Prisma.empty}
      ${params.status === "solved" ? Prisma.sql`AND t."acceptedPostId" IS NOT NULL` : Prisma.empty}
      ${params.status === "unsolved" ? Prisma.sql`AND t.kind = 'QUESTION' AND t."acceptedPostId" IS NULL` : Prisma.empty}`;

  const [{ total }] = await db().$queryRaw<[{ total: number }]>`SELECT COUNT(*)::int AS total FROM (${matched}) m`;
  const pageCount = countPages(total, pageSize);
  const page = Math.min(params.page, pageCount);
  if (total === 0) return { items: [], page, pageSize, total, pageCount };

  const config = Prisma.sql`(CASE WHEN m.language = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END)`;
  const rowQuery = queryForRowLanguage(Prisma.sql`m.language`, query);
  // Snippets are plain text: emphasis and code markers of the Markdown source would be noise.
  const rows = await db().$queryRaw<HitRow[]>`
    SELECT m."threadId", m.slug AS "threadSlug", m.kind, m."acceptedPostId" IS NOT NULL AS solved, m."replyCount",
      m."lastActivityAt", m."productName", m."productSlug", m."postId" AS "matchedPostId", op.id AS "openingPostId", m.title,
      ${headline(config, Prisma.sql`m.title`, rowQuery, "HighlightAll=true")} AS "titleMarked",
      ${headline(config, Prisma.sql`regexp_replace(COALESCE(hit."bodyMarkdown", op."bodyMarkdown", ''), '[*\x60]+', '', 'g')`, rowQuery, 'MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "')} AS "snippetMarked"
    FROM (${matched} ORDER BY s.rank DESC, t."lastActivityAt" DESC, t.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) m
    LEFT JOIN "Post" hit ON hit.id = m."postId"
    LEFT JOIN "Post" op ON op."threadId" = m."threadId" AND op."isOpening"
    ORDER BY m.rank DESC, m."lastActivityAt" DESC, m."threadId"`;

  const items = rows.map((row) => ({
    threadId: row.threadId,
    threadSlug: row.threadSlug,
    kind: row.kind,
    solved: row.solved,
    replyCount: row.replyCount,
    lastActivityAt: row.lastActivityAt,
    productName: row.productName,
    productSlug: row.productSlug,
    // A hit in the opening post is the thread itself.
    matchedPostId: row.matchedPostId && row.matchedPostId !== row.openingPostId ? row.matchedPostId : null,
    titleHtml: highlightedSnippetHtml(row.titleMarked),
    snippetHtml: highlightedSnippetHtml(row.snippetMarked),
  }));
  return { items, page, pageSize, total, pageCount };
}
