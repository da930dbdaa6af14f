/**
 * Community health (moderation dashboard): the windows a moderator can choose and the shape of
 * the numbers, shared by the server function, the page and the client charts. Weeks are ISO
 * weeks (Monday 00:00 UTC), written "YYYY-MM-DD" (their Monday).
 */

export const HEALTH_WINDOWS = [4, 12, 26, 52] as const;
export type HealthWindow = (typeof HEALTH_WINDOWS)[number];
export const DEFAULT_HEALTH_WINDOW: HealthWindow = 12;

/** `?weeks=` of the page: absent → the default, one of HEALTH_WINDOWS → it, anything else → null (404). */
export function parseHealthWindow(value: string | string[] | undefined): HealthWindow | null {
  if (value === undefined) return DEFAULT_HEALTH_WINDOW;
  if (typeof value !== "string" || !/^\d{1,2}$/.test(value)) return null;
  const weeks = Number(value);
  return (HEALTH_WINDOWS as readonly number[]).includes(weeks) ? (weeks as HealthWindow) : null;
}

/** Lists of the unsubscribe chart: a kind of alert list, a personal event's list, or the digest. */
export const HEALTH_LIST_KINDS = ["product", "category", "thread", "digest"] as const;
export const HEALTH_PERSONAL_EVENTS = ["REPLY_TO_MY_POST", "MENTION", "ANSWER_TO_MY_QUESTION", "ANSWER_ACCEPTED", "MODERATOR_MESSAGE"] as const;

export type CommunityHealth = {
  weeks: HealthWindow;
  /** Monday of the first week and of the last (current) week shown. */
  firstWeek: string;
  lastWeek: string;
  /** Now, not windowed: customers = users with a purchase; optInRate = members among them / customers. */
  membership: { customers: number; memberCustomers: number; members: number; optInRate: number | null };
  /** COMMUNITY_MEMBERSHIP ledger rows per week: GRANTED = joins, WITHDRAWN = leaves. */
  joinsLeaves: { week: string; joins: number; leaves: number }[];
  /**
   * Per list over the window: e-mails sent (immediate alert e-mails by list, digests) and
   * one-click unsubscribes from it; rate = unsubscribed / sent (null when nothing was sent).
   * `list` is "product", "category", "thread", "digest" or "personal:<PersonalEvent>".
   */
  unsubscribes: { list: string; sent: number; unsubscribed: number; rate: number | null }[];
  /**
   * Questions by the week they were asked: how many, how many have an answer from someone else,
   * how many are solved (an accepted answer), and the medians in hours to the first answer and to
   * the accepted answer (posted). `overall` is the same over the whole window.
   */
  questions: {
    weeks: { week: string; asked: number; answered: number; solved: number; medianHoursToFirstAnswer: number | null; medianHoursToSolution: number | null }[];
    overall: { asked: number; answered: number; solved: number; medianHoursToFirstAnswer: number | null; medianHoursToSolution: number | null };
  };
  /** Distinct people who posted or voted "helpful", per week and over the whole window. */
  activeMembers: { weeks: { week: string; active: number }[]; overall: number };
  /**
   * The review queue: open items now; per week items opened, resolved, the queue size at the end
   * of the week and the median hours from opening to resolution (of items resolved that week).
   */
  review: {
    openNow: number;
    medianReviewHours: number | null;
    weeks: { week: string; opened: number; resolved: number; queueAtEnd: number; medianReviewHours: number | null }[];
  };
};
