import "server-only";
import type { Prisma } from "@/server/db/client";

export type NotificationEventKind = "THREAD_CREATED" | "REPLY_POSTED" | "ANSWER_ACCEPTED" | "MENTIONED_IN_EDIT";

/**
 * Writes the outbox row for a post, accept or edit, INSIDE that write's transaction: the event
 * exists if and only if the write committed. The thread's product and category are copied in
 * one statement (what Muted and the watchers are checked against). Hand the returned id to
 * enqueueFanOut() after the commit.
 */
export async function recordNotificationEvent(
  tx: Prisma.TransactionClient,
  event: { kind: NotificationEventKind; threadId: string; postId: string; actorId: string },
): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "NotificationEvent" ("kind", "threadId", "postId", "productId", "categoryId", "actorId")
    SELECT ${event.kind}::"NotificationEventKind", t."id", ${event.postId}, t."productId", p."categoryId", ${event.actorId}
    FROM "Thread" t JOIN "Product" p ON p."id" = t."productId"
    WHERE t."id" = ${event.threadId}
    RETURNING "id"`;
  if (!row) throw new Error(`recordNotificationEvent: thread ${event.threadId} not found`);
  return row.id;
}
