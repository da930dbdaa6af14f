import "server-only";

/**
 * RFC 9457 "problem details" for every API error. Only fixed, reviewed strings reach the
 * client: callers pass a title/detail they wrote, never an exception's message or stack.
 */

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Problem types with meaning beyond the status code; documented in docs/webhooks.md. */
export const PROBLEM_TYPES = {
  invalidSignature: "tag:entraide,2025:problem/invalid-signature",
  validationFailed: "tag:entraide,2025:problem/validation-failed",
} as const;

/** One invalid input field, located with a JSON Pointer (RFC 6901) into the request body. */
export type ProblemFieldError = { pointer: string; detail: string };

export type ProblemInit = {
  status: number;
  /** Defaults to "about:blank": the status code says it all. */
  type?: string;
  /** Defaults to the status code's reason phrase. */
  title?: string;
  detail?: string;
  errors?: ProblemFieldError[];
  headers?: HeadersInit;
};

const REASON_PHRASES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemResponse({ status, type = "about:blank", title, detail, errors, headers }: ProblemInit): Response {
  const body = {
    type,
    title: title ?? REASON_PHRASES[status] ?? "Error",
    status,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined ? {} : { errors }),
  };
  const responseHeaders = new Headers(headers);
  responseHeaders.set("Content-Type", PROBLEM_CONTENT_TYPE);
  // Error bodies describe one request; caches must not replay them for another.
  responseHeaders.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), { status, headers: responseHeaders });
}
