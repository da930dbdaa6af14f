import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { ConsentAction } from "@/lib/consent/consent-vocabulary";
import type { AppLocale } from "@/lib/i18n/locales";
import { DEFAULT_PERSONAL_CHANNELS, PERSONAL_EVENTS, type PersonalEvent, type PreferenceSource } from "@/lib/preferences/alert-vocabulary";
import { recordConsentEvent } from "@/server/membership/record-consent-event";
import { assertActorMayRaise, isOneClickUndo, preferenceLedgerOrigin, type PreferenceActor } from "./preference-actor";
import { lockPreferenceSubject } from "./lock-preference-subject";
import { describePersonalChannels } from "./alert-withdrawals";

export type PersonalChannel = "inApp" | "email";

export type SetPersonalEventChannelInput = {
  actor: PreferenceActor;
  event: PersonalEvent;
  channel: PersonalChannel;
  on: boolean;
  locale: AppLocale;
  requestId: string;
  /** Where the switch was shown. Ignored for an e-mail link, which is always EMAIL_PREFERENCE_LINK. */
  source: PreferenceSource;
  /** Versions of the PERSONAL_NOTIFICATIONS texts the switch showed (GRANTED beside "on", WITHDRAWN beside "off"). */
  textVersions?: Partial<Record<ConsentAction, number>>;
};

export type PersonalChannelsResult = { inApp: boolean; email: boolean; changed: boolean };

/**
 * Turns one channel of one personal event (a reply to my post, a mention…) on or off, and
 * ledgers it in the same transaction: on is one GRANTED row, off one WITHDRAWN row, purpose
 * PERSONAL_NOTIFICATIONS, scope = the event, detail = both switches after the change. Turning
 * on needs the member's own signed-in session; an e-mail link may only turn off. Only switches
 * that differ from the defaults (in-app on, e-mail off) are stored. The same choice again
 * changes and records nothing.
 *
 * Throws SIGN_IN_REQUIRED, ACCOUNT_DELETED, MEMBERSHIP_REQUIRED (turning on as a non-member),
 * INVALID_INPUT (unknown event or channel), FORBIDDEN (RAISE_NEEDS_SIGN_IN), CONSENT_TEXT_OUTDATED.
 */
export async function setPersonalEventChannel(input: SetPersonalEventChannelInput): Promise<PersonalChannelsResult> {
  if (!PERSONAL_EVENTS.includes(input.event)) throw new AppError("INVALID_INPUT", { details: { field: "event" } });
  if (input.channel !== "inApp" && input.channel !== "email") throw new AppError("INVALID_INPUT", { details: { field: "channel" } });
  return db().$transaction(async (tx) => {
    const subject = await lockPreferenceSubject(tx, input.actor);
    const key = { userId_event: { userId: subject.userId, event: input.event } };
    const existing = await tx.personalEventPreference.findUnique({ where: key, select: { inApp: true, email: true } });
    const current = existing ?? DEFAULT_PERSONAL_CHANNELS;
    if (current[input.channel] === input.on) return { inApp: current.inApp, email: current.email, changed: false };
    if (input.on) assertActorMayRaise(input.actor, subject);
    // The undo of a one-click unsubscribe restores that event's e-mail and nothing more.
    if (input.on && input.channel !== "email" && isOneClickUndo(input.actor)) throw new AppError("FORBIDDEN", { details: { reason: "RAISE_NEEDS_SIGN_IN" } });

    const next = { inApp: current.inApp, email: current.email, [input.channel]: input.on };
    if (next.inApp === DEFAULT_PERSONAL_CHANNELS.inApp && next.email === DEFAULT_PERSONAL_CHANNELS.email) {
      await tx.personalEventPreference.deleteMany({ where: { userId: subject.userId, event: input.event } });
    } else {
      await tx.personalEventPreference.upsert({
        where: key,
        create: { userId: subject.userId, event: input.event, ...next },
        update: next,
        select: { userId: true },
      });
    }

    const action: ConsentAction = input.on ? "GRANTED" : "WITHDRAWN";
    await recordConsentEvent(tx, {
      subjectId: subject.userId,
      purpose: "PERSONAL_NOTIFICATIONS",
      action,
      scope: input.event,
      detail: describePersonalChannels(next) + (isOneClickUndo(input.actor) ? " undo" : ""),
      locale: input.locale,
      ...preferenceLedgerOrigin(input.actor, input.source),
      requestId: input.requestId,
      textVersion: input.textVersions?.[action],
    });
    return { ...next, changed: true };
  });
}
