import "server-only";
import { env } from "@/server/env";
import { RATE_LIMIT_POLICIES, type RateLimitPolicyName } from "./rate-limit-policies";
import { createTokenBucketRateLimiter, type RateLimiter } from "./rate-limiter";
import { createPostgresRateLimiter } from "./rate-limiter-postgres";

// On globalThis: Next compiles route handlers and server actions into separate bundles, and the
// in-memory buckets must be the same for all of them.
const globalForLimiters = globalThis as unknown as { entraideRateLimiters?: Map<string, RateLimiter> };

/** The limiter of one policy, in the store RATE_LIMIT_STORE names (memory by default). */
export function rateLimiterFor(policy: RateLimitPolicyName): RateLimiter {
  const store = env().RATE_LIMIT_STORE;
  const limiters = (globalForLimiters.entraideRateLimiters ??= new Map());
  const cacheKey = `${store}:${policy}`;
  let limiter = limiters.get(cacheKey);
  if (!limiter) {
    const numbers = RATE_LIMIT_POLICIES[policy];
    limiter = store === "postgres" ? createPostgresRateLimiter({ name: policy, ...numbers }) : createTokenBucketRateLimiter(numbers);
    limiters.set(cacheKey, limiter);
  }
  return limiter;
}
