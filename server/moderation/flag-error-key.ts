import "server-only";
import { isAppError } from "@/server/errors/app-error";

export type FlagErrorMessage = { key: string; field?: string; values?: { retryAt: Date } };

const REASONS = ["ALREADY_FLAGGED", "OWN_POST"];
const GATE_CODES = ["SIGN_IN_REQUIRED", "MEMBERSHIP_REQUIRED", "ACCOUNT_DELETED"];

/**
 * Explains a refused flag to the member (keys under "flags.errors" in the "moderation" namespace).
 * Anything unexpected is logged here and reported as "unexpected": no exception text reaches the client.
 */
export function flagErrorMessage(error: unknown): FlagErrorMessage {
  if (isAppError(error)) {
    const reason = error.details.reason;
    if (error.code === "FORBIDDEN" && typeof reason === "string" && REASONS.includes(reason)) return { key: `flags.errors.${reason}` };
    if (GATE_CODES.includes(error.code)) return { key: `flags.errors.${error.code}` };
    if (error.code === "RATE_LIMITED" && typeof error.details.retryAt === "string") return { key: "flags.errors.RATE_LIMITED", values: { retryAt: new Date(error.details.retryAt) } };
    if (error.code === "NOT_FOUND") return { key: "flags.errors.notFound" };
    if (error.code === "INVALID_INPUT" && error.details.field === "note") return { key: "flags.errors.noteRequired", field: "note" };
    if (error.code === "INVALID_INPUT" && error.details.field === "reason") return { key: "flags.errors.reasonRequired", field: "reason" };
  }
  console.error("Flagging a post failed", error);
  return { key: "flags.errors.unexpected" };
}
