import "server-only";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { findMember, type Member } from "./find-member";

export type { Member };

/**
 * The gate for every server action or route that writes community content (questions, answers,
 * votes…): call it first, on the server, whatever the UI shows. Returns the signed-in member or
 * throws AppError with code SIGN_IN_REQUIRED, ACCOUNT_DELETED or MEMBERSHIP_REQUIRED; map the
 * code to a message (membership.gate.* in the "membership" namespace) for the person.
 */
export async function requireMember(): Promise<Member> {
  const user = await getCurrentUser();
  return findMember(user?.id ?? null);
}
