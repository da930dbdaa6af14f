import "server-only";

/** The signed-token kind of preference-center links in e-mails: such a token opens nothing else. */
export const PREFERENCE_TOKEN_KIND = "preferences";
