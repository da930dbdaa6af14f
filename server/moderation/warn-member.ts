import "server-only";
import { imposeSanction, type ImposeSanctionInput } from "./impose-sanction";

/**
 * Warns a member with a message ("member.warn"): the reason is the message, shown in their notifications and on their account page.
 * Sanction, audit row and notice in one transaction.
 * Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION / CANNOT_SANCTION_SELF /
 * CANNOT_SANCTION_ADMIN), NOT_FOUND (memberId), INVALID_INPUT (reason / customDate).
 */
export function warnMember(input: Omit<ImposeSanctionInput, "endsAt">): Promise<{ sanctionId: string }> {
  return imposeSanction("WARNING", input);
}
