import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { EMAIL_FREQUENCIES, type EmailFrequency } from "@/lib/preferences/alert-vocabulary";
import type { PreferenceActor } from "./preference-actor";
import { lockPreferenceSubject } from "./lock-preference-subject";

export type SetEmailDeliveryInput = {
  actor: PreferenceActor;
  frequency: EmailFrequency;
  /** Local hour of the digest, 0–23. */
  digestHour: number;
  /** ISO weekday of the weekly digest, 1 (Monday) – 7 (Sunday). */
  digestWeekday: number;
  /** IANA time zone the hour is read in, e.g. "Europe/Paris". */
  timeZone: string;
};

export type EmailDeliveryView = { frequency: EmailFrequency; digestHour: number; digestWeekday: number; timeZone: string; paused: boolean };

/**
 * How alert e-mails are delivered: immediately, or as a daily or weekly digest at a local hour.
 * This changes when, not whether, a member gets e-mail, so it is not a consent event (no ledger
 * row); it still needs the member's own signed-in session (an e-mail link can't change it), but
 * not membership. The time zone is stored in its canonical spelling.
 *
 * Throws SIGN_IN_REQUIRED, ACCOUNT_DELETED, FORBIDDEN (NEEDS_SIGN_IN, from an e-mail link),
 * INVALID_INPUT (details.field: frequency, digestHour, digestWeekday or timeZone).
 */
export async function setEmailDelivery(input: SetEmailDeliveryInput): Promise<EmailDeliveryView> {
  if (input.actor.via !== "session") throw new AppError("FORBIDDEN", { details: { reason: "NEEDS_SIGN_IN" } });
  if (!EMAIL_FREQUENCIES.includes(input.frequency)) throw new AppError("INVALID_INPUT", { details: { field: "frequency" } });
  if (!Number.isInteger(input.digestHour) || input.digestHour < 0 || input.digestHour > 23) throw new AppError("INVALID_INPUT", { details: { field: "digestHour" } });
  if (!Number.isInteger(input.digestWeekday) || input.digestWeekday < 1 || input.digestWeekday > 7) throw new AppError("INVALID_INPUT", { details: { field: "digestWeekday" } });
  const timeZone = canonicalTimeZone(input.timeZone);
  if (!timeZone) throw new AppError("INVALID_INPUT", { details: { field: "timeZone" } });

  const delivery = { frequency: input.frequency, digestHour: input.digestHour, digestWeekday: input.digestWeekday, timeZone };
  return db().$transaction(async (tx) => {
    const subject = await lockPreferenceSubject(tx, input.actor);
    const saved = await tx.emailPreference.upsert({
      where: { userId: subject.userId },
      create: { userId: subject.userId, ...delivery },
      update: delivery,
      select: { frequency: true, digestHour: true, digestWeekday: true, timeZone: true, pausedAt: true },
    });
    const { pausedAt, ...rest } = saved;
    return { ...rest, paused: pausedAt !== null };
  });
}

/**
 * The zone's canonical IANA name ("europe/paris" → "Europe/Paris", "America/Montreal" →
 * "America/Toronto"), or null if it is not an IANA zone name.
 */
function canonicalTimeZone(zone: string): string | null {
  // Names only: offsets such as "+01:00", which newer engines also accept, are refused.
  if (zone.length === 0 || zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
