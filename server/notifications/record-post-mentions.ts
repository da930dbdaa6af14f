import "server-only";
import type { Prisma } from "@/server/db/client";
import { recordNotificationEvent } from "./record-notification-event";

/**
 * PostMention rows for the members a new post mentions (ids from renderPostBodyWithMentions),
 * tied to the post's event so the fan-out notifies exactly them. Call in the post's transaction.
 */
export async function recordPostMentions(tx: Prisma.TransactionClient, input: { postId: string; userIds: string[]; eventId: bigint }): Promise<void> {
  if (input.userIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "PostMention" ("postId", "userId", "eventId")
    SELECT ${input.postId}, mentioned, ${input.eventId} FROM unnest(${input.userIds}::text[]) AS mentioned
    ON CONFLICT ("postId", "userId") DO NOTHING`;
}

/**
 * After an edit: records the mentions the post did not have before and, only if there are any,
 * a MENTIONED_IN_EDIT event for them (returned; null when nobody is newly mentioned). Mentions
 * the edit removed keep their row, so removing and re-adding a name notifies nobody twice.
 * Call in the edit's transaction, after locking the post row (edits of one post are serial).
 */
export async function recordEditMentions(
  tx: Prisma.TransactionClient,
  input: { postId: string; threadId: string; actorId: string; userIds: string[] },
): Promise<bigint | null> {
  if (input.userIds.length === 0) return null;
  const fresh = await tx.$queryRaw<{ userId: string }[]>`
    INSERT INTO "PostMention" ("postId", "userId")
    SELECT ${input.postId}, mentioned FROM unnest(${input.userIds}::text[]) AS mentioned
    ON CONFLICT ("postId", "userId") DO NOTHING
    RETURNING "userId"`;
  if (fresh.length === 0) return null;
  const eventId = await recordNotificationEvent(tx, { kind: "MENTIONED_IN_EDIT", threadId: input.threadId, postId: input.postId, actorId: input.actorId });
  await tx.$executeRaw`
    UPDATE "PostMention" SET "eventId" = ${eventId}
    WHERE "postId" = ${input.postId} AND "userId" = ANY(${fresh.map((row) => row.userId)}::text[])`;
  return eventId;
}
