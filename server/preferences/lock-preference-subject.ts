import "server-only";
import type { Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { PreferenceActor } from "./preference-actor";

export type PreferenceSubject = { userId: string; isMember: boolean; via: PreferenceActor["via"] };

/**
 * Starts every preference write: resolves whose preferences change and locks that person's row
 * for the rest of the transaction, so two concurrent changes by one member are applied one after
 * the other (each sees the other's result, and the ledger gets exactly one row per change).
 * Throws SIGN_IN_REQUIRED (signed out / unknown) or ACCOUNT_DELETED.
 */
export async function lockPreferenceSubject(tx: Prisma.TransactionClient, actor: PreferenceActor): Promise<PreferenceSubject> {
  if (!actor.userId) throw new AppError("SIGN_IN_REQUIRED");
  const rows = await tx.$queryRaw<{ isMember: boolean; deletedAt: Date | null }[]>`
    SELECT "isMember", "deletedAt" FROM "User" WHERE id = ${actor.userId} FOR UPDATE`;
  const user = rows[0];
  if (!user) throw new AppError("SIGN_IN_REQUIRED");
  if (user.deletedAt) throw new AppError("ACCOUNT_DELETED");
  return { userId: actor.userId, isMember: user.isMember, via: actor.via };
}

/**
 * Refuses a change that makes a member receive more, unless it comes from the member's own
 * signed-in session and they are a member: a link in an e-mail can only lower.
 */
export function assertMayRaise(subject: PreferenceSubject): void {
  if (subject.via === "emailLink") throw new AppError("FORBIDDEN", { details: { reason: "RAISE_NEEDS_SIGN_IN" } });
  if (!subject.isMember) throw new AppError("MEMBERSHIP_REQUIRED");
}
