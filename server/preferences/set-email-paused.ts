import "server-only";
import { db } from "@/server/db/client";
import type { ConsentAction } from "@/lib/consent/consent-vocabulary";
import type { AppLocale } from "@/lib/i18n/locales";
import type { PreferenceSource } from "@/lib/preferences/alert-vocabulary";
import { recordConsentEvent } from "@/server/membership/record-consent-event";
import { assertActorMayRaise, isOneClickUndo, preferenceLedgerOrigin, type PreferenceActor } from "./preference-actor";
import { lockPreferenceSubject } from "./lock-preference-subject";

export type SetEmailPausedInput = {
  actor: PreferenceActor;
  paused: boolean;
  locale: AppLocale;
  requestId: string;
  /** Where the switch was shown. Ignored for an e-mail link, which is always EMAIL_PREFERENCE_LINK. */
  source: PreferenceSource;
  /** Versions of the ALERT_EMAIL texts shown (WITHDRAWN beside "pause", GRANTED beside "resume"). */
  textVersions?: Partial<Record<ConsentAction, number>>;
};

/**
 * "Pause all e-mail": while paused no alert or digest e-mail is sent, whatever each subscription
 * says (subscriptions themselves stay as they are). Pausing is one WITHDRAWN row, resuming one
 * GRANTED row, purpose ALERT_EMAIL, no scope, in the same transaction as the change. Resuming
 * makes the member receive more, so it needs their own signed-in session and membership; an
 * e-mail link may only pause. The same choice again changes and records nothing.
 *
 * Throws SIGN_IN_REQUIRED, ACCOUNT_DELETED, MEMBERSHIP_REQUIRED (resuming as a non-member),
 * FORBIDDEN (RAISE_NEEDS_SIGN_IN), CONSENT_TEXT_OUTDATED.
 */
export async function setEmailPaused(input: SetEmailPausedInput): Promise<{ paused: boolean; changed: boolean }> {
  return db().$transaction(async (tx) => {
    const subject = await lockPreferenceSubject(tx, input.actor);
    const existing = await tx.emailPreference.findUnique({ where: { userId: subject.userId }, select: { pausedAt: true } });
    const paused = existing?.pausedAt != null;
    if (paused === input.paused) return { paused, changed: false };
    if (!input.paused) assertActorMayRaise(input.actor, subject);

    const pausedAt = input.paused ? new Date() : null;
    await tx.emailPreference.upsert({
      where: { userId: subject.userId },
      create: { userId: subject.userId, pausedAt },
      update: { pausedAt },
      select: { userId: true },
    });
    const action: ConsentAction = input.paused ? "WITHDRAWN" : "GRANTED";
    await recordConsentEvent(tx, {
      subjectId: subject.userId,
      purpose: "ALERT_EMAIL",
      action,
      detail: (input.paused ? "paused=on" : "paused=off") + (isOneClickUndo(input.actor) ? " undo" : ""),
      locale: input.locale,
      ...preferenceLedgerOrigin(input.actor, input.source),
      requestId: input.requestId,
      textVersion: input.textVersions?.[action],
    });
    return { paused: input.paused, changed: true };
  });
}
