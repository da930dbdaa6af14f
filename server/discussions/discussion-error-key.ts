import "server-only";
import { isAppError } from "@/server/errors/app-error";

export type DiscussionErrorMessage = {
  /** Key in the "discussions" namespace. */
  key: string;
  /** Form field the message belongs to, when it is about one. */
  field?: string;
  /** ICU values for the message (e.g. retryAt for the rate limit). */
  values?: { retryAt: Date } | { until: Date; reason: string } | { reason: string };
};

const REASONS = ["THREAD_LOCKED", "THREAD_DELETED", "POST_DELETED", "NOT_AUTHOR", "NOT_QUESTION_AUTHOR", "NOT_A_QUESTION", "NOT_A_REPLY", "OWN_POST", "OWN_QUESTION"];
const GATE_CODES = ["SIGN_IN_REQUIRED", "MEMBERSHIP_REQUIRED", "ACCOUNT_DELETED"];

/**
 * Explains a failed discussion write to the person. Expected refusals get their own message;
 * anything else is logged here and reported as "unexpected", so no exception text reaches the client.
 */
export function discussionErrorMessage(error: unknown, context: string): DiscussionErrorMessage {
  if (isAppError(error)) {
    if (GATE_CODES.includes(error.code)) return { key: `write.errors.${error.code}` };
    if (error.code === "RATE_LIMITED" && typeof error.details.retryAt === "string") {
      return { key: "write.errors.RATE_LIMITED", values: { retryAt: new Date(error.details.retryAt) } };
    }
    const reason = error.details.reason;
    // A silenced member is told until when, and why (their own sanction's reason).
    if (error.code === "FORBIDDEN" && reason === "SILENCED" && typeof error.details.sanctionReason === "string") {
      const until = typeof error.details.until === "string" ? new Date(error.details.until) : null;
      const sanctionReason = error.details.sanctionReason;
      return until ? { key: "write.errors.SILENCED", values: { until, reason: sanctionReason } } : { key: "write.errors.SILENCED_INDEFINITELY", values: { reason: sanctionReason } };
    }
    if (error.code === "FORBIDDEN" && typeof reason === "string" && REASONS.includes(reason)) return { key: `write.errors.${reason}` };
    const field = typeof error.details.field === "string" ? error.details.field : undefined;
    if (error.code === "NOT_FOUND") return field === "productSlug" ? { key: "write.errors.productUnknown", field } : { key: "write.errors.notFound" };
    if (error.code === "INVALID_INPUT" && field === "title") return { key: "write.errors.titleRequired", field };
  }
  console.error(`${context} failed`, error);
  return { key: "write.errors.unexpected" };
}
