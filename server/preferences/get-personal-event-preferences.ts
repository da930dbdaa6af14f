import "server-only";
import { db } from "@/server/db/client";
import { DEFAULT_PERSONAL_CHANNELS, PERSONAL_EVENTS, type PersonalEvent } from "@/lib/preferences/alert-vocabulary";

export type PersonalEventPreferenceView = { event: PersonalEvent; inApp: boolean; email: boolean };

/**
 * The member's in-app and e-mail switch for every personal event, in PERSONAL_EVENTS order, with
 * the defaults (in-app on, e-mail off) where they changed nothing (no row is stored then).
 */
export async function getPersonalEventPreferences(userId: string): Promise<PersonalEventPreferenceView[]> {
  const rows = await db().personalEventPreference.findMany({ where: { userId }, select: { event: true, inApp: true, email: true } });
  const saved = new Map(rows.map((row) => [row.event as PersonalEvent, row]));
  return PERSONAL_EVENTS.map((event) => {
    const row = saved.get(event);
    return { event, inApp: row?.inApp ?? DEFAULT_PERSONAL_CHANNELS.inApp, email: row?.email ?? DEFAULT_PERSONAL_CHANNELS.email };
  });
}
