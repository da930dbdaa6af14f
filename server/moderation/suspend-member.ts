import "server-only";
import { imposeSanction, type ImposeSanctionInput } from "./impose-sanction";

/**
 * Suspends a member ("member.suspend") until endsAt (null = until revoked): they cannot sign in, and a session they already have stops working (getCurrentUser).
 * Sanction, audit row and notice in one transaction.
 * Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION / CANNOT_SANCTION_SELF /
 * CANNOT_SANCTION_ADMIN), NOT_FOUND (memberId), INVALID_INPUT (reason / customDate).
 */
export function suspendMember(input: ImposeSanctionInput): Promise<{ sanctionId: string }> {
  return imposeSanction("SUSPENSION", input);
}
