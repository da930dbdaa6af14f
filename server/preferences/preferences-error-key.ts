import "server-only";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { isAppError } from "@/server/errors/app-error";

/** FORBIDDEN reasons the preference functions throw (details.reason), each with its own message. */
const REASONS = ["RAISE_NEEDS_SIGN_IN", "NEEDS_SIGN_IN", "TARGET_DELETED"];
const CODES = ["SIGN_IN_REQUIRED", "MEMBERSHIP_REQUIRED", "ACCOUNT_DELETED", "CONSENT_TEXT_OUTDATED", "INVALID_INPUT", "NOT_FOUND", "RATE_LIMITED"];

/**
 * The key, in the "preferences" namespace, explaining a failed preference change to the person
 * (e.g. "errors.RAISE_NEEDS_SIGN_IN"). Expected refusals get their own message; anything else is
 * logged here and reported as "errors.unexpected", so no exception text reaches the client.
 */
export function preferencesErrorKey(error: unknown, context: string): string {
  if (isAppError(error)) {
    const reason = error.details.reason;
    if (error.code === "FORBIDDEN") return typeof reason === "string" && REASONS.includes(reason) ? `errors.${reason}` : "errors.FORBIDDEN";
    if (CODES.includes(error.code)) return `errors.${error.code}`;
  }
  console.error(`${context} failed`, error);
  return "errors.unexpected";
}

/** A failed preference action, translated for the person. */
export async function toFailedPreferenceAction(error: unknown, context: string): Promise<Extract<ActionResult, { ok: false }>> {
  const t = await getTranslations("preferences");
  return { ok: false, formError: t(preferencesErrorKey(error, context)) };
}
