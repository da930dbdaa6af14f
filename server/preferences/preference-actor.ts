import "server-only";

/**
 * Who is changing alert preferences, and so what they may do:
 * - `session`: the signed-in person (null when signed out) changes their own preferences; raising
 *   anything needs membership;
 * - `emailLink`: someone holding the signed preference link of an e-mail sent to this member; they
 *   may only lower or stop (raising needs sign-in), and the ledger records source
 *   EMAIL_PREFERENCE_LINK on channel EMAIL.
 * Nobody changes another person's preferences (moderators record requested withdrawals through
 * their own function, with a reason).
 */
export type PreferenceActor = { via: "session"; userId: string | null } | { via: "emailLink"; userId: string };
