import "server-only";
import { db } from "@/server/db/client";
import { DEFAULT_EMAIL_PREFERENCE, type EmailFrequency } from "@/lib/preferences/alert-vocabulary";

export type EmailPreferenceView = {
  frequency: EmailFrequency;
  /** Local hour 0–23 of digests. */
  digestHour: number;
  /** ISO weekday 1 (Monday) – 7 (Sunday) of weekly digests. */
  digestWeekday: number;
  /** IANA zone the hour is read in. */
  timeZone: string;
  paused: boolean;
  /** false while the member never saved anything: the page may then propose the browser's time zone. */
  saved: boolean;
};

/** How the member's alert e-mails are delivered, with the defaults filled in when nothing is saved. */
export async function getEmailPreference(userId: string): Promise<EmailPreferenceView> {
  const row = await db().emailPreference.findUnique({
    where: { userId },
    select: { frequency: true, digestHour: true, digestWeekday: true, timeZone: true, pausedAt: true },
  });
  if (!row) return { ...DEFAULT_EMAIL_PREFERENCE, saved: false };
  return {
    frequency: row.frequency as EmailFrequency,
    digestHour: row.digestHour,
    digestWeekday: row.digestWeekday,
    timeZone: row.timeZone,
    paused: row.pausedAt !== null,
    saved: true,
  };
}
