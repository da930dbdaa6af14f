import type { z } from "zod";

/**
 * What every server action returns. Messages are already translated for the person; raw error
 * messages and stack traces never reach the client.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

/**
 * Groups zod issues by top-level field. Schemas use message keys (not prose) so the caller can
 * translate them into the person's language with `translate`.
 */
export function fieldErrorsFrom(error: z.ZodError, translate: (key: string) => string = (key) => key): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(translate(issue.message));
  }
  return fieldErrors;
}
