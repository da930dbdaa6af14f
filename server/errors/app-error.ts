import "server-only";

/**
 * Failures the application expects and explains to people (as opposed to bugs). Actions and
 * routes map a code to a translated message or a problem response; `message` is for logs only
 * and never reaches the client.
 */
export const APP_ERROR_CODES = [
  "SIGN_IN_REQUIRED",
  "MEMBERSHIP_REQUIRED",
  "ACCOUNT_DELETED",
  "NOT_FOUND",
  "FORBIDDEN",
  "INVALID_INPUT",
  // The consent text a form showed is no longer the current version: the person must see the
  // new wording before their choice is recorded.
  "CONSENT_TEXT_OUTDATED",
  // Too many writes in a short time; details.retryAt says when the next one is accepted.
  "RATE_LIMITED",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Safe, structured facts for the caller (never personal data). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: AppErrorCode, options: { message?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(options.message ?? code, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details ?? {};
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
