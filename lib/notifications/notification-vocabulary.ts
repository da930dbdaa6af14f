/**
 * In-app notifications, shared by the server (what it reads and streams) and the browser (what it
 * shows and listens to). Events on the stream carry counts only: the list is read by the page.
 */

export const NOTIFICATION_REASONS = [
  "WATCHING_PRODUCT",
  "WATCHING_CATEGORY",
  "WATCHING_THREAD",
  "NEW_THREAD_PRODUCT",
  "NEW_THREAD_CATEGORY",
  "REPLY_TO_MY_POST",
  "MENTION",
  "ANSWER_TO_MY_QUESTION",
  "ANSWER_ACCEPTED",
  "MODERATOR_MESSAGE",
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

export const NOTIFICATION_EVENT_KINDS = ["THREAD_CREATED", "REPLY_POSTED", "ANSWER_ACCEPTED", "MENTIONED_IN_EDIT"] as const;
export type NotificationEventKind = (typeof NOTIFICATION_EVENT_KINDS)[number];

/** What a moderator decided about the member or their post (ModerationNoticeKind). */
export const MODERATION_NOTICE_KINDS = [
  "WARNING",
  "SILENCED",
  "SUSPENDED",
  "SANCTION_REVOKED",
  "POST_APPROVED",
  "POST_HIDDEN",
  "POST_DELETED",
  "POST_EDITED",
  "THREAD_LOCKED",
  "THREAD_MOVED",
  "THREAD_MERGED",
  "CONSENT_WITHDRAWAL_RECORDED",
] as const;
export type ModerationNoticeKind = (typeof MODERATION_NOTICE_KINDS)[number];

/** One row of /notifications: what happened, who did it, where, when, and whether it was read. */
export type NotificationItem = {
  id: string;
  reason: NotificationReason;
  /** The community event behind it; null for a moderation notice. */
  kind: NotificationEventKind | null;
  /** A moderator's decision and the reason they gave (reason MODERATOR_MESSAGE); null otherwise. */
  notice: { kind: ModerationNoticeKind; reason: string } | null;
  /** Null when the actor has no display name (or deleted their account), and for notices. */
  actorName: string | null;
  /** The thread concerned; null for a notice about the member rather than a post. */
  threadId: string | null;
  threadSlug: string | null;
  threadTitle: string | null;
  /** A deleted thread is listed without a link (it would be a 404). */
  threadDeleted: boolean;
  postId: string | null;
  productName: string | null;
  createdAt: Date;
  read: boolean;
};

export const NOTIFICATIONS_PATH = "/notifications";
export const NOTIFICATIONS_PAGE_SIZE = 20;
export const notificationsPagePath = (page: number) => (page === 1 ? NOTIFICATIONS_PATH : `${NOTIFICATIONS_PATH}?page=${page}`);

/** The signed-in person's stream of unread counts (server-sent events). */
export const NOTIFICATION_EVENTS_PATH = "/api/notifications/events";
/** The server-sent event carrying `{ unread }`, sent on connect and whenever the count may have changed. */
export const UNREAD_EVENT = "unread";
export type UnreadEvent = { unread: number };

/** Parses an event's data; null for anything unexpected. */
export function parseUnreadEvent(data: string): UnreadEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== "object" || value === null) return null;
    const { unread } = value as Record<string, unknown>;
    return typeof unread === "number" && Number.isInteger(unread) && unread >= 0 ? { unread } : null;
  } catch {
    return null;
  }
}
