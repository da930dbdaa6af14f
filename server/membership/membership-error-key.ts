import "server-only";
import { isAppError } from "@/server/errors/app-error";

const EXPLAINED = ["SIGN_IN_REQUIRED", "MEMBERSHIP_REQUIRED", "ACCOUNT_DELETED", "CONSENT_TEXT_OUTDATED", "INVALID_INPUT"] as const;
type ExplainedCode = (typeof EXPLAINED)[number];

/**
 * The "membership" message key that explains a failed membership action to the person. Expected
 * refusals get their own message; anything else is logged here and reported as "unexpected", so
 * no exception text reaches the client.
 */
export function membershipErrorKey(error: unknown, context: string): `errors.${ExplainedCode | "unexpected"}` {
  if (isAppError(error) && (EXPLAINED as readonly string[]).includes(error.code)) return `errors.${error.code as ExplainedCode}`;
  console.error(`${context} failed`, error);
  return "errors.unexpected";
}
