import "server-only";
import { imposeSanction, type ImposeSanctionInput } from "./impose-sanction";

/**
 * Silences a member ("member.silence") until endsAt (null = until revoked): they cannot create threads, reply, edit or vote (findMember refuses with FORBIDDEN SILENCED, the end and the reason).
 * Sanction, audit row and notice in one transaction.
 * Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION / CANNOT_SANCTION_SELF /
 * CANNOT_SANCTION_ADMIN), NOT_FOUND (memberId), INVALID_INPUT (reason / customDate).
 */
export function silenceMember(input: ImposeSanctionInput): Promise<{ sanctionId: string }> {
  return imposeSanction("SILENCE", input);
}
