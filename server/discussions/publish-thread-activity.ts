import "server-only";
import type { Prisma } from "@/server/db/client";
import { publishLiveEvent } from "@/server/live/publish-live-event";
import type { ThreadActivityKind } from "@/lib/discussions/thread-activity";

/**
 * One channel for every thread (filtered by threadId in each process), so the number of LISTENs
 * does not grow with the number of threads being read.
 */
export const THREAD_ACTIVITY_CHANNEL = "thread_activity";

/**
 * Call inside the write's transaction: readers of the thread hear of the change when it commits,
 * and never of one that rolled back. Ids only — the post's content never goes on the channel.
 */
export function publishThreadActivity(tx: Prisma.TransactionClient, event: { threadId: string; postId: string; kind: ThreadActivityKind }): Promise<void> {
  return publishLiveEvent(tx, THREAD_ACTIVITY_CHANNEL, { threadId: event.threadId, postId: event.postId, kind: event.kind });
}
