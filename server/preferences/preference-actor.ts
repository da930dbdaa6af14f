import "server-only";
import { AppError } from "@/server/errors/app-error";
import { assertMayRaise, type PreferenceSubject } from "./lock-preference-subject";

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
export type PreferenceActor =
  | { via: "session"; userId: string | null }
  | {
      via: "emailLink";
      userId: string;
      /**
       * Set by the one-click unsubscribe link of an alert e-mail (RFC 8058, app/unsubscribe): the
       * ledger records source EMAIL_ONE_CLICK instead of EMAIL_PREFERENCE_LINK. "undo" may turn
       * the e-mail of that one list back on without signing in (the undo offered right after
       * unsubscribing): only e-mail, only for a member, detail marked "undo".
       */
      oneClick?: "unsubscribe" | "undo";
    };

/** The ledger's source and channel for a change by `actor`; `shownOn` is where a session's control was. */
export function preferenceLedgerOrigin<S extends string>(
  actor: PreferenceActor,
  shownOn: S,
): { source: S | "EMAIL_PREFERENCE_LINK" | "EMAIL_ONE_CLICK"; channel: "WEB" | "EMAIL" } {
  if (actor.via === "session") return { source: shownOn, channel: "WEB" };
  return { source: actor.oneClick ? "EMAIL_ONE_CLICK" : "EMAIL_PREFERENCE_LINK", channel: "EMAIL" };
}

/** True for the undo of a one-click unsubscribe (see PreferenceActor). */
export function isOneClickUndo(actor: PreferenceActor): boolean {
  return actor.via === "emailLink" && actor.oneClick === "undo";
}

/**
 * assertMayRaise, except for the undo of a one-click unsubscribe, which needs membership only
 * (callers make sure it restores nothing but that list's e-mail).
 */
export function assertActorMayRaise(actor: PreferenceActor, subject: PreferenceSubject): void {
  if (!isOneClickUndo(actor)) return assertMayRaise(subject);
  if (!subject.isMember) throw new AppError("MEMBERSHIP_REQUIRED");
}
