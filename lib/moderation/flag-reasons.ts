/**
 * The flag form's choices and limit, apart from the schema: the form on every thread page needs
 * these two constants, and importing them from the schema file would ship Zod (~30 KB gzipped)
 * to every reader on first load.
 */
export const FLAG_REASONS = ["SPAM", "OFF_TOPIC", "ABUSIVE", "OTHER"] as const;
export type FlagReasonChoice = (typeof FLAG_REASONS)[number];
export const FLAG_NOTE_MAX_LENGTH = 500;
