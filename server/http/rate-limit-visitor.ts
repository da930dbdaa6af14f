import "server-only";
import { headers } from "next/headers";
import type { RateLimitPolicyName } from "./rate-limit-policies";
import { clientIpOf, type RateLimitDecision } from "./rate-limiter";
import { rateLimiterFor } from "./rate-limiter-for-policy";

/**
 * Takes a token for this request's client IP, in a page or a server action (which have the
 * request's headers but no Request object). Route handlers use limitRequestRate instead.
 */
export async function takeVisitorRateLimit(policy: RateLimitPolicyName): Promise<RateLimitDecision> {
  return rateLimiterFor(policy).take(clientIpOf(await headers()));
}
