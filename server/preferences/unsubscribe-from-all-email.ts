import "server-only";
import { db } from "@/server/db/client";
import type { AppLocale } from "@/lib/i18n/locales";
import type { PreferenceSource } from "@/lib/preferences/alert-vocabulary";
import { recordConsentEvents } from "@/server/membership/record-consent-events";
import type { PreferenceActor } from "./preference-actor";
import { lockPreferenceSubject } from "./lock-preference-subject";
import { turnOffPersonalEmail, turnOffSubscriptionEmail } from "./alert-withdrawals";
import type { AlertWithdrawalTextVersions } from "./stop-alert-subscriptions";
import { preferenceLedgerOrigin } from "./preference-actor";

export type UnsubscribeFromAllEmailInput = {
  actor: PreferenceActor;
  locale: AppLocale;
  requestId: string;
  /** Where the button was shown. Ignored for an e-mail link, which is always EMAIL_PREFERENCE_LINK. */
  source: PreferenceSource;
  /** WITHDRAWN text versions the page showed, per purpose (PRODUCT_ALERTS, …, PERSONAL_NOTIFICATIONS). */
  textVersions?: AlertWithdrawalTextVersions;
};

/**
 * "Unsubscribe from everything": turns e-mail off on every subscription and every personal event
 * of the person, set-based, in one transaction, with one WITHDRAWN row per thing turned off
 * (scope = its target or event, detail = what it is left at). Levels and in-app alerts are
 * untouched. Lowering only, so an e-mail link or a signed-in non-member may do it. Returns how
 * many things were turned off (0 when e-mail was already off everywhere: nothing recorded).
 *
 * Throws SIGN_IN_REQUIRED, ACCOUNT_DELETED, CONSENT_TEXT_OUTDATED.
 */
export async function unsubscribeFromAllEmail(input: UnsubscribeFromAllEmailInput): Promise<{ withdrawn: number }> {
  return db().$transaction(async (tx) => {
    const subject = await lockPreferenceSubject(tx, input.actor);
    const rows = [...(await turnOffSubscriptionEmail(tx, subject.userId)), ...(await turnOffPersonalEmail(tx, subject.userId))];
    const withdrawn = await recordConsentEvents(
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
    return { withdrawn };
  });
}
