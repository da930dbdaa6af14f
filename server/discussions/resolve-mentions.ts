import "server-only";
import { db } from "@/server/db/client";
import { mentionKey } from "@/lib/discussions/mention-syntax";
import type { MentionedMember } from "./render-post-markdown";

// A post naming more people than this is noise (or abuse); the rest stay plain text.
export const MAX_MENTIONS_PER_POST = 50;

type MentionRow = { name: string; id: string; displayName: string };

/**
 * Current members whose display name, spaces removed, matches a mention (case-insensitive):
 * one query for the whole post. Keys of the result are mentionKey(name). When two members share
 * a squashed name, the longest-standing member wins so a link never changes owner later.
 */
export async function resolveMentions(names: string[]): Promise<Map<string, MentionedMember>> {
  const keys = [...new Set(names.map(mentionKey))].filter(Boolean).slice(0, MAX_MENTIONS_PER_POST);
  if (keys.length === 0) return new Map();
  // lower() on both sides inside Postgres, so the comparison is the same whatever the
  // database's locale does with accented capitals.
  const rows = await db().$queryRaw<MentionRow[]>`
    SELECT DISTINCT ON (wanted.name) wanted.name, u."id", u."displayName"
    FROM unnest(${keys}::text[]) AS wanted(name)
    JOIN "User" u
      ON lower(regexp_replace(u."displayName", '\\s+', '', 'g')) = lower(wanted.name)
    WHERE u."isMember" AND u."deletedAt" IS NULL AND u."displayName" IS NOT NULL
    ORDER BY wanted.name, u."memberSince" ASC NULLS LAST, u."id" ASC`;
  return new Map(rows.map((row) => [row.name, { id: row.id, displayName: row.displayName }]));
}
