/** Bounds shared by the forms (maxLength hints) and the server (zod schemas). Counted in characters after trimming. */
export const TITLE_MIN_LENGTH = 10;
export const TITLE_MAX_LENGTH = 150;
export const BODY_MIN_LENGTH = 1;
export const BODY_MAX_LENGTH = 20_000;

/** ICU values for the messages that quote the limits ("at least {titleMin} characters"). */
export const POST_LIMIT_MESSAGE_VALUES = { titleMin: TITLE_MIN_LENGTH, titleMax: TITLE_MAX_LENGTH, bodyMax: BODY_MAX_LENGTH } as const;
