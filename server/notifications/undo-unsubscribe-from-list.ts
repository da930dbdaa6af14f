import "server-only";
import { db } from "@/server/db/client";
import type { AppLocale } from "@/lib/i18n/locales";
import { isAppError } from "@/server/errors/app-error";
import type { PreferenceActor } from "@/server/preferences/preference-actor";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { setEmailPaused } from "@/server/preferences/set-email-paused";
import { setPersonalEventChannel } from "@/server/preferences/set-personal-event-channel";
import type { UnsubscribeList } from "./unsubscribe-list";

export type UndoUnsubscribeResult = { outcome: "restored" } | { outcome: "unavailable" };

/** Where the ledger records each list's consent (purpose and scope). */
function ledgerKey(list: UnsubscribeList): { purpose: "PRODUCT_ALERTS" | "CATEGORY_ALERTS" | "THREAD_ALERTS" | "PERSONAL_NOTIFICATIONS" | "ALERT_EMAIL"; scope: string | null } {
  switch (list.type) {
    case "product":
      return { purpose: "PRODUCT_ALERTS", scope: list.id };
    case "category":
      return { purpose: "CATEGORY_ALERTS", scope: list.id };
    case "thread":
      return { purpose: "THREAD_ALERTS", scope: list.id };
    case "personal":
      return { purpose: "PERSONAL_NOTIFICATIONS", scope: list.event };
    case "digest":
      return { purpose: "ALERT_EMAIL", scope: null };
  }
}

/**
 * The "undo" offered right after a one-click unsubscribe: turns that list's e-mail back on, one
 * GRANTED row (source EMAIL_ONE_CLICK, detail ending in "undo"). Without sign-in this is a raise,
 * so it is allowed only as the undo of that list's own unsubscribe: the latest ledger row for
 * the list must be a one-click withdrawal, the person must still be a member and (for a product,
 * category or thread) the subscription must still be above Normal. Anything else — such as
 * an undo after the member changed the list elsewhere — is "unavailable" and
 * changes nothing. The preference function re-checks membership under the member's lock.
 */
export async function undoUnsubscribeFromList({ userId, list, locale, requestId }: { userId: string; list: UnsubscribeList; locale: AppLocale; requestId: string }): Promise<UndoUnsubscribeResult> {
  const { purpose, scope } = ledgerKey(list);
  const latest = await db().consentEvent.findFirst({
    where: { subjectId: userId, purpose, scope },
    orderBy: { id: "desc" },
    select: { action: true, source: true, detail: true },
  });
  // Repeating the undo (a double click, a reload) answers like the first one.
  if (latest?.action === "GRANTED" && latest.source === "EMAIL_ONE_CLICK" && latest.detail?.endsWith(" undo")) return { outcome: "restored" };
  if (!latest || latest.action !== "WITHDRAWN" || latest.source !== "EMAIL_ONE_CLICK") return { outcome: "unavailable" };

  const actor: PreferenceActor = { via: "emailLink", userId, oneClick: "undo" };
  const source = "PREFERENCE_CENTER"; // ignored for e-mail links
  try {
    const result =
      list.type === "digest"
        ? await setEmailPaused({ actor, paused: false, locale, requestId, source })
        : list.type === "personal"
          ? await setPersonalEventChannel({ actor, event: list.event, channel: "email", on: true, locale, requestId, source })
          : await setAlertSubscription({ actor, target: { type: list.type, id: list.id }, change: { email: true }, locale, requestId, source });
    return result.changed ? { outcome: "restored" } : { outcome: "unavailable" };
  } catch (error) {
    // Not a member any more, the subscription went back to Normal or was muted, the target or
    // the account is gone: the undo is no longer the undo of that unsubscribe.
    if (isAppError(error) && error.code !== "CONSENT_TEXT_OUTDATED") return { outcome: "unavailable" };
    throw error;
  }
}
