import "server-only";
import { db, type Prisma } from "@/server/db/client";
import { CONSENT_EVENT_ORDER, CONSENT_EVENT_SELECT } from "@/server/membership/consent-event-select";

/**
 * Bumped whenever a key changes meaning or disappears. Adding a key (posts, votes and alert
 * subscriptions arrive with later features) keeps the version: readers ignore what they don't
 * know.
 */
export const EXPORT_FORMAT_VERSION = 1;

/** Notifications and e-mail deliveries exported: the most recent ones (the total is given too). */
export const EXPORTED_ALERT_ROWS = 1_000;

const exportedUser = {
  id: true,
  email: true,
  displayName: true,
  locale: true,
  role: true,
  createdAt: true,
  isMember: true,
  memberSince: true,
  showsOwnerBadge: true,
  invitationsDeclined: true,
  purchases: {
    orderBy: [{ purchasedAt: "desc" }, { id: "asc" }],
    select: { orderId: true, quantity: true, purchasedAt: true, product: { select: { sku: true, name: true } } },
  },
  invitations: {
    orderBy: { createdAt: "desc" },
    select: { orderId: true, createdAt: true, respondedAt: true },
  },
  consentEvents: { orderBy: [...CONSENT_EVENT_ORDER], select: CONSENT_EVENT_SELECT },
  sentEmails: {
    orderBy: [{ sentAt: "desc" }, { id: "asc" }],
    select: { sentAt: true, kind: true, subject: true, messageId: true },
  },
  // Only ids of the thread and post: who wrote them is someone else's data.
  notifications: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: EXPORTED_ALERT_ROWS,
    select: { createdAt: true, readAt: true, reason: true, threadId: true, postId: true, event: { select: { kind: true } } },
  },
  emailDeliveries: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: EXPORTED_ALERT_ROWS,
    select: {
      createdAt: true,
      reason: true,
      listKey: true,
      frequency: true,
      status: true,
      attempts: true,
      dueAt: true,
      sentAt: true,
      messageId: true,
      digestId: true,
      event: { select: { kind: true, threadId: true, postId: true } },
    },
  },
  _count: { select: { notifications: true, emailDeliveries: true } },
} satisfies Prisma.UserSelect;

type ExportedUser = Prisma.UserGetPayload<{ select: typeof exportedUser }>;

export type MyDataExport = ReturnType<typeof toExportDocument>;

/**
 * Everything Entraide holds about one person, as plain JSON, for "download all my data".
 * Takes the signed-in person's id (never one from the request), so nobody can export someone
 * else. Null for an unknown or deleted account. A person's data is small: one query per table,
 * nothing in a loop.
 */
export async function exportMyData(userId: string, now = new Date()): Promise<MyDataExport | null> {
  const user = await db().user.findUnique({ where: { id: userId, deletedAt: null }, select: exportedUser });
  return user ? toExportDocument(user, now) : null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toExportDocument(user: ExportedUser, now: Date) {
  return {
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
    },
    community: {
      isMember: user.isMember,
      memberSince: iso(user.memberSince),
      showsOwnerBadge: user.showsOwnerBadge,
      invitationsDeclined: user.invitationsDeclined,
    },
    purchases: user.purchases.map((purchase) => ({
      orderId: purchase.orderId,
      productSku: purchase.product.sku,
      productName: purchase.product.name,
      quantity: purchase.quantity,
      purchasedAt: purchase.purchasedAt.toISOString(),
    })),
    invitations: user.invitations.map((invitation) => ({
      orderId: invitation.orderId,
      createdAt: invitation.createdAt.toISOString(),
      respondedAt: iso(invitation.respondedAt),
    })),
    // Newest first, each with the exact wording the person was shown.
    consentHistory: user.consentEvents.map((event) => ({
      id: event.id.toString(),
      occurredAt: event.occurredAt.toISOString(),
      purpose: event.purpose,
      action: event.action,
      scope: event.scope,
      source: event.source,
      channel: event.channel,
      locale: event.locale,
      textVersion: event.textVersion,
      textSha256: event.textSha256,
      textShown: event.consentText.body,
      requestId: event.requestId,
      // The moderator's identity is their personal data, not the requester's: say only that
      // someone acted on the person's behalf.
      recordedOnYourBehalf: event.actorId !== null && event.actorId !== user.id,
      reason: event.reason,
    })),
    emailsSent: user.sentEmails.map((email) => ({
      sentAt: email.sentAt.toISOString(),
      kind: email.kind,
      subject: email.subject,
      messageId: email.messageId,
    })),
    // The most recent EXPORTED_ALERT_ROWS of each, newest first, with how many there are in all.
    notifications: {
      total: user._count.notifications,
      items: user.notifications.map((notification) => ({
        createdAt: notification.createdAt.toISOString(),
        readAt: iso(notification.readAt),
        event: notification.event?.kind ?? null,
        reason: notification.reason,
        threadId: notification.threadId,
        postId: notification.postId,
      })),
    },
    emailDeliveries: {
      total: user._count.emailDeliveries,
      items: user.emailDeliveries.map((delivery) => ({
        createdAt: delivery.createdAt.toISOString(),
        event: delivery.event.kind,
        threadId: delivery.event.threadId,
        postId: delivery.event.postId,
        reason: delivery.reason,
        list: delivery.listKey,
        frequency: delivery.frequency,
        status: delivery.status,
        attempts: delivery.attempts,
        dueAt: delivery.dueAt.toISOString(),
        sentAt: iso(delivery.sentAt),
        messageId: delivery.messageId,
        digestId: delivery.digestId?.toString() ?? null,
      })),
    },
  };
}
