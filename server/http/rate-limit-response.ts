import "server-only";
import { problemResponse } from "./problem-response";

/** A route handler's refusal: 429 problem+json with Retry-After in whole seconds. */
export function rateLimitResponse(retryAfterSeconds: number, detail = "Too many requests from this address. Try again in a moment."): Response {
  return problemResponse({ status: 429, detail, headers: { "Retry-After": String(retryAfterSeconds) } });
}
