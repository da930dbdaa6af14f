import "server-only";

/**
 * The live channel of in-app notifications. The fan-out publishes `{ eventId }` (a decimal string
 * or number) after it inserted the event's rows; marking read publishes `{ readBy: userId }`.
 * Each web instance turns these into unread counts for the people it streams to.
 */
export const NOTIFICATIONS_LIVE_CHANNEL = "notifications";

export type NotificationsLiveMessage = { eventId: bigint } | { readBy: string };

/** Parses a NOTIFY payload of the channel; null for anything else. */
export function parseNotificationsLiveMessage(payload: string): NotificationsLiveMessage | null {
  let value: { eventId?: unknown; readBy?: unknown };
  try {
    value = JSON.parse(payload) as typeof value;
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { eventId, readBy } = value;
  if ((typeof eventId === "string" && /^[1-9][0-9]{0,18}$/.test(eventId)) || (typeof eventId === "number" && Number.isSafeInteger(eventId) && eventId > 0)) {
    return { eventId: BigInt(eventId) };
  }
  if (typeof readBy === "string" && readBy.length > 0 && readBy.length <= 64) return { readBy };
  return null;
}
