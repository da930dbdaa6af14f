import "server-only";
import { highlightedSnippetHtml } from "@/lib/discussions/highlighted-snippet-html";
import type { SearchParams } from "@/lib/discussions/search-params";
import { countPages, type Paged } from "@/lib/pagination";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import { anyWordQuery, headline, postBodyVector, queryForRowLanguage, threadTitleVector } from "./full-text-sql";

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
 * How many matching rows each candidate branch (posts, titles; per language) may contribute
 * before ranking. Ranking recomputes each candidate's tsvector, so this bounds a frequent word's
 * cost on a large community (a word in 70,000 posts would otherwise be ranked 70,000 times,
 * seconds per search); past it the total is a lower bound and the page says so.
 */
export const SEARCH_CANDIDATE_LIMIT = 150;

export type SearchResult = Paged<SearchHit> & {
  /** True when a frequent word hit the candidate limit: `total` counts the threads ranked, more exist. */
  totalIsLowerBound: boolean;
};

type ScoredRow = { threadId: string; postId: string | null; branchFull: boolean };

/**
 * Threads matching a visitor's words, best first: a thread scores its title and opening text
 * as one document (the title weighing ten times the text: weight A against D) plus its
 * best-matching live reply. Each row is matched and ranked in its own language (french /
 * english stemming). Candidates come from the GIN indexes, at most SEARCH_CANDIDATE_LIMIT per
 * branch (filters applied while collecting them, so a product's own threads are not crowded
 * out), are ranked in one statement, and snippets are highlighted for the page's rows only.
 */
export async function searchPosts(params: SearchParams & { pageSize?: number }): Promise<SearchResult> {
  const pageSize = params.pageSize ?? SEARCH_PAGE_SIZE;
  if (params.query === "") return { items: [], page: 1, pageSize, total: 0, pageCount: 1, totalIsLowerBound: false };

  const query = { en: Prisma.sql`websearch_to_tsquery('english', ${params.query})`, fr: Prisma.sql`websearch_to_tsquery('french', ${params.query})` };
  const anyWords = { en: anyWordQuery("english", params.query), fr: anyWordQuery("french", params.query) };
  const limit = SEARCH_CANDIDATE_LIMIT + 1; // one more than kept tells that a branch was cut
  // Title weighs ten times the text (A against the default D).
  const openingDocument = Prisma.sql`(setweight(${threadTitleVector}, 'A') || COALESCE(${postBodyVector}, ''::tsvector))`;
  const threadFilters = Prisma.sql`t."deletedAt" IS NULL
      ${params.productSlug ? Prisma.sql`AND t."productId" = (SELECT id FROM "Product" WHERE slug = ${params.productSlug})` : Prisma.empty}
      ${params.categorySlug ? Prisma.sql`AND t."productId" IN (SELECT pr.id FROM "Product" pr JOIN "Category" c ON c.id = pr."categoryId" WHERE c.slug = ${params.categorySlug})` : Prisma.empty}
      ${params.kind ? Prisma.sql`AND t.kind = ${params.kind}::"ThreadKind"` : Prisma.empty}
      ${params.status === "solved" ? Prisma.sql`AND t."acceptedPostId" IS NOT NULL` : Prisma.empty}
      ${params.status === "unsolved" ? Prisma.sql`AND t.kind = 'QUESTION' AND t."acceptedPostId" IS NULL` : Prisma.empty}`;
  // One branch per language, each on its own partial GIN index (migration
  // search_language_indexes: these expressions and predicates exactly): the index condition is
  // the whole test, so no row of the other language is fetched and no tsvector recomputed.
  const stemming = { fr: Prisma.sql`'french'::regconfig`, en: Prisma.sql`'english'::regconfig` };
  // Within one product (a few dozen threads) its posts are fewer than a frequent word's: found by
  // thread, tested one by one, rather than checking the product of every post holding the word.
  const postBranch = (language: "fr" | "en") => Prisma.sql`(
      SELECT p.id, p."threadId", p."isOpening" FROM "Post" p
      ${params.productSlug ? Prisma.empty : Prisma.sql`JOIN "Thread" t ON t.id = p."threadId"`}
      WHERE ${language === "fr" ? Prisma.sql`p."language" = 'fr'` : Prisma.sql`p."language" <> 'fr'`} AND p."deletedAt" IS NULL AND p."visibility" = 'VISIBLE'
        AND to_tsvector(${stemming[language]}, p."bodyMarkdown") @@ ${query[language]}
        AND ${params.productSlug ? Prisma.sql`p."threadId" = ANY (ARRAY(SELECT t.id FROM "Thread" t WHERE ${threadFilters}))` : threadFilters}
      LIMIT ${limit})`;
  // A question's words may be split between its title and its text: titles sharing any word are
  // candidates too, and the exact query then decides on title and text as one document.
  const titleBranch = (language: "fr" | "en") => Prisma.sql`(
      SELECT t.id FROM "Thread" t
      WHERE ${language === "fr" ? Prisma.sql`t."language" = 'fr'` : Prisma.sql`t."language" <> 'fr'`}
        AND to_tsvector(${stemming[language]}, t."title") @@ ${anyWords[language]} AND ${threadFilters}
      LIMIT ${limit})`;

  const scored = await db().$queryRaw<ScoredRow[]>`
    WITH post_fr AS MATERIALIZED ${postBranch("fr")},
    post_en AS MATERIALIZED ${postBranch("en")},
    title_fr AS MATERIALIZED ${titleBranch("fr")},
    title_en AS MATERIALIZED ${titleBranch("en")},
    post_candidates AS (SELECT * FROM post_fr UNION ALL SELECT * FROM post_en),
    reply_hits AS (
      SELECT DISTINCT ON (p."threadId") p."threadId", p.id AS "postId",
        ts_rank_cd(${postBodyVector}, ${queryForRowLanguage(Prisma.sql`p."language"`, query)}) AS rank
      FROM "Post" p JOIN post_candidates pc ON pc.id = p.id
      WHERE NOT pc."isOpening"
      ORDER BY p."threadId", rank DESC, p."createdAt"
    ),
    opening_candidates AS (
      SELECT id FROM title_fr UNION SELECT id FROM title_en UNION SELECT "threadId" FROM post_candidates WHERE "isOpening"
    ),
    -- Each candidate once, by index (a hash join would scan every thread), its document built
    -- once for both the match and the rank (OFFSET 0 keeps the planner from inlining it twice).
    opening_hits AS (
      SELECT t.id AS "threadId", ts_rank_cd(d.document, d.query) AS rank
      FROM (SELECT DISTINCT id FROM opening_candidates) oc
      CROSS JOIN LATERAL (SELECT id, title, language FROM "Thread" WHERE id = oc.id) t
      LEFT JOIN LATERAL (
        -- depth = 0 (the opening post's) lets the (threadId, depth, …) index find it directly.
        SELECT "bodyMarkdown", language FROM "Post" WHERE "threadId" = t.id AND depth = 0 AND "isOpening" AND "deletedAt" IS NULL LIMIT 1
      ) p ON TRUE
      CROSS JOIN LATERAL (
        SELECT ${openingDocument} AS document, ${queryForRowLanguage(Prisma.sql`t."language"`, query)} AS query OFFSET 0
      ) d
      WHERE d.document @@ d.query
    ),
    ranked AS (
      SELECT COALESCE(ph."threadId", th."threadId") AS "threadId", ph."postId",
        COALESCE(th.rank, 0) + COALESCE(ph.rank, 0) AS rank
      FROM reply_hits ph FULL OUTER JOIN opening_hits th ON th."threadId" = ph."threadId"
    )
    SELECT r."threadId", r."postId",
      (SELECT count(*) FROM post_fr) > ${SEARCH_CANDIDATE_LIMIT} OR (SELECT count(*) FROM post_en) > ${SEARCH_CANDIDATE_LIMIT}
        OR (SELECT count(*) FROM title_fr) > ${SEARCH_CANDIDATE_LIMIT} OR (SELECT count(*) FROM title_en) > ${SEARCH_CANDIDATE_LIMIT} AS "branchFull"
    FROM ranked r
    JOIN "Thread" t ON t.id = r."threadId" AND ${threadFilters}
      -- A thread whose question waits for review or is hidden is not public.
      AND NOT EXISTS (SELECT 1 FROM "Post" hp WHERE hp."threadId" = t.id AND hp."isOpening" AND hp."visibility" <> 'VISIBLE')
    ORDER BY r.rank DESC, t."lastActivityAt" DESC, t.id`;

  const total = scored.length;
  const totalIsLowerBound = scored[0]?.branchFull ?? false;
  const pageCount = countPages(total, pageSize);
  const page = Math.min(params.page, pageCount);
  if (total === 0) return { items: [], page, pageSize, total, pageCount, totalIsLowerBound };
  const pageRows = scored.slice((page - 1) * pageSize, page * pageSize);

  const config = Prisma.sql`(CASE WHEN m.language = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END)`;
  const rowQuery = queryForRowLanguage(Prisma.sql`m.language`, query);
  // Snippets are plain text: emphasis and code markers of the Markdown source would be noise.
  const rows = await db().$queryRaw<HitRow[]>`
    SELECT m."threadId", m.slug AS "threadSlug", m.kind, m."acceptedPostId" IS NOT NULL AS solved, m."replyCount",
      m."lastActivityAt", m."productName", m."productSlug", m."postId" AS "matchedPostId", op.id AS "openingPostId", m.title,
      ${headline(config, Prisma.sql`m.title`, rowQuery, "HighlightAll=true")} AS "titleMarked",
      ${headline(config, Prisma.sql`regexp_replace(COALESCE(hit."bodyMarkdown", op."bodyMarkdown", ''), '[*\x60]+', '', 'g')`, rowQuery, 'MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "')} AS "snippetMarked"
    FROM (
      SELECT t.id AS "threadId", t.slug, t.kind, t.language, t."acceptedPostId", t."replyCount", t."lastActivityAt", t.title,
        pr.name AS "productName", pr.slug AS "productSlug", hits."postId"
      FROM unnest(${pageRows.map((row) => row.threadId)}::text[], ${pageRows.map((row) => row.postId)}::text[]) AS hits("threadId", "postId")
      JOIN "Thread" t ON t.id = hits."threadId"
      JOIN "Product" pr ON pr.id = t."productId"
    ) m
    LEFT JOIN "Post" hit ON hit.id = m."postId"
    LEFT JOIN "Post" op ON op."threadId" = m."threadId" AND op."isOpening"`;
  // In the ranked order of the first statement.
  const order = new Map(pageRows.map((row, index) => [row.threadId, index]));
  rows.sort((a, b) => order.get(a.threadId)! - order.get(b.threadId)!);

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
  return { items, page, pageSize, total, pageCount, totalIsLowerBound };
}
