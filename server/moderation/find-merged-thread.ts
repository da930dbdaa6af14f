import "server-only";
import { db } from "@/server/db/client";

// cuid-style ids, as getThread accepts.
const ID_PATTERN = /^[a-z0-9]{8,40}$/i;

/**
 * Where a merged duplicate's address now leads: the live thread it was merged into (id and slug),
 * or null when `id` was never merged (unknown, deleted, or a live thread). Merges keep chains one
 * hop long; a few more hops are followed anyway.
 */
export async function findMergedThread(id: string): Promise<{ id: string; slug: string } | null> {
  if (!ID_PATTERN.test(id)) return null;
  let current = await db().thread.findUnique({ where: { id }, select: { mergedIntoId: true } });
  for (let hop = 0; hop < 5 && current?.mergedIntoId; hop++) {
    const next = await db().thread.findUnique({ where: { id: current.mergedIntoId }, select: { id: true, slug: true, deletedAt: true, mergedIntoId: true } });
    if (!next) return null;
    if (!next.deletedAt) return { id: next.id, slug: next.slug };
    current = next;
  }
  return null;
}
