/**
 * The alert-preference vocabulary, mirrored from prisma/schema.prisma so forms and client
 * components can use it without the database client (alert-vocabulary.test.ts keeps them in step).
 */

export const ALERT_LEVELS = ["EVERYTHING", "NEW_THREADS", "NORMAL", "MUTED"] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const ALERT_TARGET_TYPES = ["product", "category", "thread"] as const;
export type AlertTargetType = (typeof ALERT_TARGET_TYPES)[number];
export type AlertTarget = { type: AlertTargetType; id: string };

/** Levels offered per target, most to least; "Watching" on a thread is EVERYTHING. */
export const LEVELS_FOR_TARGET: Record<AlertTargetType, readonly AlertLevel[]> = {
  product: ["EVERYTHING", "NEW_THREADS", "NORMAL", "MUTED"],
  category: ["EVERYTHING", "NEW_THREADS", "NORMAL", "MUTED"],
  thread: ["EVERYTHING", "NORMAL", "MUTED"],
};

/** How much a level delivers: moving up is a grant, moving down a withdrawal. */
export const LEVEL_RANK: Record<AlertLevel, number> = { MUTED: 0, NORMAL: 1, NEW_THREADS: 2, EVERYTHING: 3 };

/** Channels only mean something above Normal: at Normal, personal-event switches decide. */
export const isSubscribedLevel = (level: AlertLevel) => LEVEL_RANK[level] > LEVEL_RANK.NORMAL;

/** The state of a target nobody chose anything for. */
export const DEFAULT_ALERT_STATE = { level: "NORMAL", inApp: true, email: false } as const satisfies AlertState;
export type AlertState = { level: AlertLevel; inApp: boolean; email: boolean };

export const PERSONAL_EVENTS = ["REPLY_TO_MY_POST", "MENTION", "ANSWER_TO_MY_QUESTION", "ANSWER_ACCEPTED", "MODERATOR_MESSAGE"] as const;
export type PersonalEvent = (typeof PERSONAL_EVENTS)[number];
/** In-app on, e-mail off, for every personal event, until the member changes it. */
export const DEFAULT_PERSONAL_CHANNELS = { inApp: true, email: false } as const;

export const EMAIL_FREQUENCIES = ["IMMEDIATE", "DAILY", "WEEKLY"] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];
export const DEFAULT_EMAIL_PREFERENCE = { frequency: "IMMEDIATE", digestHour: 8, digestWeekday: 1, timeZone: "Europe/Paris", paused: false } as const;

/** Where a preference page or menu was shown; recorded on the ledger row and the subscription. */
export const PREFERENCE_SOURCES = ["PRODUCT_PAGE", "CATEGORY_PAGE", "THREAD_PAGE", "PREFERENCE_CENTER"] as const;
export type PreferenceSource = (typeof PREFERENCE_SOURCES)[number];
