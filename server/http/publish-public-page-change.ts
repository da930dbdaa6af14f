import "server-only";
import type { Prisma } from "@/server/db/client";
import { publishLiveEvent } from "@/server/live/publish-live-event";

/**
 * Changes that alter what anonymous readers see without a thread_activity event (a thread locked,
 * pinned, moved or merged; posts hidden or restored by moderation). Every web instance's page
 * cache LISTENs here, and on thread_activity.
 */
export const PUBLIC_PAGES_CHANNEL = "public_pages";

/**
 * Call inside the write's transaction: delivered on commit, never for a rollback. One
 * notification per thread (`{"threadId":…}`), all sent by one statement however many threads.
 */
export async function publishPublicPageChange(tx: Prisma.TransactionClient, change: { threadIds: string[] } | { all: true }): Promise<void> {
  if ("all" in change) return publishLiveEvent(tx, PUBLIC_PAGES_CHANNEL, { scope: "all" });
  const threadIds = [...new Set(change.threadIds)];
  if (threadIds.length === 0) return;
  await tx.$executeRaw`
    SELECT pg_notify(${PUBLIC_PAGES_CHANNEL}, json_build_object('threadId', id)::text)
    FROM unnest(${threadIds}::text[]) AS id`;
}
