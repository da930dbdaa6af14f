import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";

export type ThreadWriteState = { locked: boolean; deleted: boolean };

/**
 * Whether a thread takes replies, once per request however many reply forms the page shows.
 * Null for an unknown thread. The write functions check again when someone actually posts.
 */
export const getThreadWriteState = cache(async (threadId: string): Promise<ThreadWriteState | null> => {
  const thread = await db().thread.findUnique({ where: { id: threadId }, select: { lockedAt: true, deletedAt: true } });
  return thread ? { locked: thread.lockedAt !== null, deleted: thread.deletedAt !== null } : null;
});
