import "server-only";
import type { Prisma } from "@/server/db/client";
import type { ModerationNoticeKind } from "@/server/db/generated/prisma/enums";
import { publishLiveEvent } from "@/server/live/publish-live-event";
import { NOTIFICATIONS_LIVE_CHANNEL } from "@/server/notifications/notifications-live-channel";

export type ModerationNoticeInput = {
  userId: string;
  kind: ModerationNoticeKind;
  /** Shown to the member as written: why the moderator decided this. */
  reason: string;
  postId?: string | null;
  threadId?: string | null;
  createdById: string;
};

/**
 * Tells a member about a moderator's decision, in the caller's transaction: the notice and its
 * in-app notification (the bell, reason MODERATOR_MESSAGE) are written with the decision, and the
 * bell updates live once it commits. Moderator messages are transactional to the member's own
 * account, so they are always in-app; no e-mail is sent for them here.
 */
export async function sendModerationNotice(tx: Prisma.TransactionClient, input: ModerationNoticeInput): Promise<bigint> {
  const notice = await tx.moderationNotice.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      reason: input.reason,
      postId: input.postId ?? null,
      threadId: input.threadId ?? null,
      createdById: input.createdById,
    },
    select: { id: true },
  });
  await tx.notification.create({
    data: { userId: input.userId, noticeId: notice.id, reason: "MODERATOR_MESSAGE", threadId: input.threadId ?? null, postId: input.postId ?? null },
    select: { id: true },
  });
  // `readBy` makes every instance streaming to this member recount their unread notifications.
  await publishLiveEvent(tx, NOTIFICATIONS_LIVE_CHANNEL, { readBy: input.userId });
  return notice.id;
}
