import "server-only";
import { isAppError } from "@/server/errors/app-error";

export type ModerationErrorMessage = {
  /** Key in the "moderation" namespace, e.g. "errors.MISSING_PERMISSION". */
  key: string;
  /** Form field the message belongs to, when it is about one (details.field). */
  field?: string;
};

/**
 * FORBIDDEN reasons (details.reason) that have their own message under "errors.<REASON>" in
 * messages/<locale>/moderation.json. Add yours here (one entry) with its two translations.
 */
const REASONS: readonly string[] = ["MISSING_PERMISSION", "CLAIMED_BY_OTHER", "LAST_ADMIN", "NOT_A_MEMBER", "CANNOT_SANCTION_SELF", "CANNOT_SANCTION_ADMIN"];
/** Codes with their own message under "errors.<CODE>". */
const CODES: readonly string[] = ["SIGN_IN_REQUIRED", "FORBIDDEN", "NOT_FOUND", "INVALID_INPUT", "RATE_LIMITED"];

/**
 * Explains a failed moderation action to the moderator. Expected refusals get their own message
 * (INVALID_INPUT / NOT_FOUND with details.field become a field error); anything else is logged
 * here and reported as "errors.unexpected", so no exception text reaches the client.
 */
export function moderationErrorMessage(error: unknown, context: string): ModerationErrorMessage {
  if (isAppError(error)) {
    const reason = error.details.reason;
    if (error.code === "FORBIDDEN" && typeof reason === "string" && REASONS.includes(reason)) return { key: `errors.${reason}` };
    if (CODES.includes(error.code)) {
      const field = typeof error.details.field === "string" ? error.details.field : undefined;
      return field && (error.code === "INVALID_INPUT" || error.code === "NOT_FOUND") ? { key: `errors.${error.code}`, field } : { key: `errors.${error.code}` };
    }
  }
  console.error(`${context} failed`, error);
  return { key: "errors.unexpected" };
}

/** Just the key (for callers that show one message, e.g. a toast or a route's problem detail). */
export function moderationErrorKey(error: unknown, context: string): string {
  return moderationErrorMessage(error, context).key;
}
