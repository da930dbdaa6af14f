import "server-only";
import { Prisma } from "@/server/db/generated/prisma/client";

/*
 * SQL fragments shared by search and similar questions. The vector expressions must stay
 * byte-for-byte the ones in the search migration's GIN indexes, or Postgres won't use them.
 */

export const threadTitleVector = Prisma.sql`to_tsvector(CASE WHEN t."language" = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END, t."title")`;
export const postBodyVector = Prisma.sql`to_tsvector(CASE WHEN p."language" = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END, p."bodyMarkdown")`;

/**
 * "Matches in the row's own language": the query is stemmed like the row was, so a French word
 * form finds French posts whatever the visitor's language. Written as an OR of two constant
 * queries (not one query chosen per row) so each branch can use the index.
 */
export function matchesInOwnLanguage(vector: Prisma.Sql, languageColumn: Prisma.Sql, query: { en: Prisma.Sql; fr: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`((${languageColumn} = 'fr' AND ${vector} @@ ${query.fr}) OR (${languageColumn} <> 'fr' AND ${vector} @@ ${query.en}))`;
}

export function queryForRowLanguage(languageColumn: Prisma.Sql, query: { en: Prisma.Sql; fr: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${languageColumn} = 'fr' THEN ${query.fr} ELSE ${query.en} END)`;
}

/**
 * A query matching any stemmed word of the text (OR), each lexeme quoted for tsquery. For draft
 * titles, and as an index-friendly pre-filter before an exact match on a combined document.
 */
export function anyWordQuery(config: "english" | "french", text: string): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(string_agg('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''', ' | '), '')::tsquery
     FROM unnest(tsvector_to_array(to_tsvector(${config}::regconfig, ${text}))) AS lexeme)`;
}

/** Highlight markers: control characters stripped from the text first, so only ts_headline emits them. */
export const HIGHLIGHT_START = "\u0001";
export const HIGHLIGHT_STOP = "\u0002";

export function headline(config: Prisma.Sql, text: Prisma.Sql, query: Prisma.Sql, options: string): Prisma.Sql {
  return Prisma.sql`ts_headline(${config}, translate(${text}, E'\\x01\\x02', ''), ${query}, ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, ${options}`})`;
}
