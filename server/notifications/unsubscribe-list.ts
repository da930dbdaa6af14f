import "server-only";
import { PERSONAL_EVENTS, type AlertTargetType, type PersonalEvent } from "@/lib/preferences/alert-vocabulary";

/**
 * The list an alert e-mail belongs to, which is what its one-click unsubscribe stops:
 * "product:<id>", "category:<id>", "thread:<id>" (a subscription's e-mail channel),
 * "personal:<EVENT>" (a personal event's e-mail switch) or "digest" (all digest e-mail: pauses).
 */
export type UnsubscribeList =
  | { type: AlertTargetType; id: string }
  | { type: "personal"; event: PersonalEvent }
  | { type: "digest" };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The list of a list key, or null when the key is not one of the documented shapes. */
export function parseUnsubscribeList(listKey: string): UnsubscribeList | null {
  if (listKey === "digest") return { type: "digest" };
  const separator = listKey.indexOf(":");
  if (separator === -1) return null;
  const type = listKey.slice(0, separator);
  const rest = listKey.slice(separator + 1);
  if (type === "personal") {
    const event = PERSONAL_EVENTS.find((candidate) => candidate === rest);
    return event ? { type: "personal", event } : null;
  }
  if ((type === "product" || type === "category" || type === "thread") && ID.test(rest)) return { type, id: rest };
  return null;
}

/** The list key of a list (the inverse of parseUnsubscribeList). */
export function formatUnsubscribeList(list: UnsubscribeList): string {
  if (list.type === "digest") return "digest";
  if (list.type === "personal") return `personal:${list.event}`;
  return `${list.type}:${list.id}`;
}
