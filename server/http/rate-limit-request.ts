import "server-only";
import type { RateLimitPolicyName } from "./rate-limit-policies";
import { rateLimitResponse } from "./rate-limit-response";
import { clientIpOf } from "./rate-limiter";
import { rateLimiterFor } from "./rate-limiter-for-policy";

/**
 * A route handler's per-client-IP limit: null when the request may go on, else the 429
 * problem+json (with Retry-After) to answer. Call it first, before any costly work.
 */
export async function limitRequestRate(policy: RateLimitPolicyName, request: Request): Promise<Response | null> {
  const decision = await rateLimiterFor(policy).take(clientIpOf(request));
  return decision.allowed ? null : rateLimitResponse(decision.retryAfterSeconds);
}
