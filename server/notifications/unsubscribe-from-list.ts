import "server-only";
import type { AppLocale } from "@/lib/i18n/locales";
import { AppError } from "@/server/errors/app-error";
import type { PreferenceActor } from "@/server/preferences/preference-actor";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { setEmailPaused } from "@/server/preferences/set-email-paused";
import { setPersonalEventChannel } from "@/server/preferences/set-personal-event-channel";
import type { UnsubscribeList } from "./unsubscribe-list";

export type UnsubscribeFromListInput = { userId: string; list: UnsubscribeList; locale: AppLocale; requestId: string };

/**
 * The one-click unsubscribe (RFC 8058) of an alert e-mail's list, through the preference
 * functions so the state and its WITHDRAWN ledger row (source EMAIL_ONE_CLICK, channel EMAIL)
 * are one transaction: a product, category or thread list turns that subscription's e-mail off
 * (level and in-app untouched), a personal list that event's e-mail switch, the digest pauses all
 * e-mail. Never the membership. Already off: nothing changes, nothing is recorded (`changed`
 * false), so repeating it is harmless. A target that no longer exists has nothing to stop.
 *
 * Throws SIGN_IN_REQUIRED / ACCOUNT_DELETED when the account is gone (callers answer as for an
 * invalid link).
 */
export async function unsubscribeFromList({ userId, list, locale, requestId }: UnsubscribeFromListInput): Promise<{ changed: boolean }> {
  const actor: PreferenceActor = { via: "emailLink", userId, oneClick: "unsubscribe" };
  // `source` is ignored for e-mail links (EMAIL_ONE_CLICK is recorded); the type requires one.
  const source = "PREFERENCE_CENTER";
  switch (list.type) {
    case "digest":
      return setEmailPaused({ actor, paused: true, locale, requestId, source });
    case "personal":
      return setPersonalEventChannel({ actor, event: list.event, channel: "email", on: false, locale, requestId, source });
    default:
      try {
        return await setAlertSubscription({ actor, target: { type: list.type, id: list.id }, change: { email: false }, locale, requestId, source });
      } catch (error) {
        if (error instanceof AppError && error.code === "NOT_FOUND") return { changed: false };
        throw error;
      }
  }
}
