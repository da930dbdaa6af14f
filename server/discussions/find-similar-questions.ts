import "server-only";
import { threadPath } from "@/lib/discussions/discussion-paths";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import { anyWordQuery, matchesInOwnLanguage, queryForRowLanguage, threadTitleVector } from "./full-text-sql";

export const SIMILAR_QUESTIONS_LIMIT = 5;

export type SimilarQuestion = { id: string; title: string; url: string; solved: boolean; productName: string };

/**
 * Existing questions whose titles share words with a draft title, so a member can find the
 * answer before asking again: the same product's first, then the best matches elsewhere;
 * solved ones first among equal matches.
 */
export async function findSimilarQuestions(input: { title: string; productId?: string; limit?: number }): Promise<SimilarQuestion[]> {
  const limit = Math.min(input.limit ?? SIMILAR_QUESTIONS_LIMIT, SIMILAR_QUESTIONS_LIMIT);
  // A title being typed is a sentence, not search syntax: every word counts, ranking sorts it out.
  const query = { en: anyWordQuery("english", input.title), fr: anyWordQuery("french", input.title) };
  // Without a product nothing is "the same product"; a constant would be refused in ORDER BY.
  const sameProduct = input.productId ? Prisma.sql`(t."productId" = ${input.productId})` : Prisma.sql`(t."productId" IS NULL)`;

  const rows = await db().$queryRaw<{ id: string; title: string; slug: string; solved: boolean; productName: string }[]>`
    SELECT t.id, t.title, t.slug, t."acceptedPostId" IS NOT NULL AS solved, pr.name AS "productName"
    FROM "Thread" t
    JOIN "Product" pr ON pr.id = t."productId"
    WHERE t.kind = 'QUESTION' AND t."deletedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Post" hp WHERE hp."threadId" = t.id AND hp."isOpening" AND hp."visibility" <> 'VISIBLE')
      AND ${matchesInOwnLanguage(threadTitleVector, Prisma.sql`t."language"`, query)}
    ORDER BY ${sameProduct} DESC,
      ts_rank_cd(${threadTitleVector}, ${queryForRowLanguage(Prisma.sql`t."language"`, query)}, 1) DESC,
      (t."acceptedPostId" IS NOT NULL) DESC, t."lastActivityAt" DESC, t.id
    LIMIT ${limit}`;

  return rows.map((row) => ({ id: row.id, title: row.title, url: threadPath(row.id, row.slug), solved: row.solved, productName: row.productName }));
}
