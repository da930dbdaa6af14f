import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { AppLocale } from "@/lib/i18n/locales";
import type { PreferenceSource } from "@/lib/preferences/alert-vocabulary";
import { recordConsentEvents } from "@/server/membership/record-consent-events";
import type { PreferenceActor } from "./preference-actor";
import { lockPreferenceSubject } from "./lock-preference-subject";
import { deleteSubscriptionsAboveNormal } from "./alert-withdrawals";
import { preferenceLedgerOrigin } from "./preference-actor";

/** WITHDRAWN text versions a page showed, per alert purpose. */
export type AlertWithdrawalTextVersions = Partial<Record<"PRODUCT_ALERTS" | "CATEGORY_ALERTS" | "THREAD_ALERTS" | "PERSONAL_NOTIFICATIONS", number>>;

export const MAX_STOPPED_AT_ONCE = 100;

export type StopAlertSubscriptionsInput = {
  actor: PreferenceActor;
  /** The subscriptions to stop (at most 100), or "all" of them. */
  subscriptionIds: readonly string[] | "all";
  locale: AppLocale;
  requestId: string;
  /** Where the button was shown. Ignored for an e-mail link, which is always EMAIL_PREFERENCE_LINK. */
  source: PreferenceSource;
  /** WITHDRAWN text versions the page showed, per purpose. */
  textVersions?: AlertWithdrawalTextVersions;
};

/**
 * The stop button and the bulk stop of the preference center: the person's subscriptions above
 * Normal (the given ones, or all) go back to Normal, i.e. their rows are deleted, set-based, in
 * one transaction with one WITHDRAWN row each (scope = the target). Ids that are not the person's
 * own subscriptions are ignored; Muted rows are not subscriptions (they restrict, they don't
 * grant) and stay. Lowering only, so an e-mail link or a signed-in non-member may do it.
 * Returns how many were stopped.
 *
 * Throws SIGN_IN_REQUIRED, ACCOUNT_DELETED, INVALID_INPUT (details.field subscriptionIds: more
 * than 100), CONSENT_TEXT_OUTDATED.
 */
export async function stopAlertSubscriptions(input: StopAlertSubscriptionsInput): Promise<{ stopped: number }> {
  const ids = input.subscriptionIds === "all" ? undefined : input.subscriptionIds;
  if (ids && ids.length > MAX_STOPPED_AT_ONCE) throw new AppError("INVALID_INPUT", { details: { field: "subscriptionIds" } });
  return db().$transaction(async (tx) => {
    const subject = await lockPreferenceSubject(tx, input.actor);
    if (ids?.length === 0) return { stopped: 0 };
    const rows = await deleteSubscriptionsAboveNormal(tx, subject.userId, ids);
    const stopped = await recordConsentEvents(
      tx,
      {
        subjectId: subject.userId,
        action: "WITHDRAWN",
        locale: input.locale,
        ...preferenceLedgerOrigin(input.actor, input.source),
        requestId: input.requestId,
        textVersions: input.textVersions,
      },
      rows,
    );
    return { stopped };
  });
}
