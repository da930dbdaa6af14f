import "server-only";
import type { Prisma } from "@/server/db/client";
import { publishLiveEvent } from "@/server/live/publish-live-event";

/**
 * Changes that alter what anonymous readers see without a thread_activity event (a thread locked,
 * pinned, moved or merged; posts hidden or restored by moderation; a member's name gone). Every
 * web instance's page cache LISTENs here, and on thread_activity.
 */
export const PUBLIC_PAGES_CHANNEL = "public_pages";

export type PublicPageChange = { threadId: string } | { scope: "all" };

/** Call inside the write's transaction: delivered on commit, never for a rollback. */
export function publishPublicPageChange(tx: Prisma.TransactionClient, change: PublicPageChange): Promise<void> {
  return publishLiveEvent(tx, PUBLIC_PAGES_CHANNEL, change);
}
