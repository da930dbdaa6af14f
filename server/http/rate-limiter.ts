import "server-only";

/**
 * A per-key rate limit (e.g. per client IP on public endpoints, per member on writes). The
 * interface is all callers see; `rateLimiterFor` (rate-limiter-for-policy.ts) picks the store:
 * this process's memory (one instance) or Postgres (shared by every instance).
 */
export interface RateLimiter {
  /**
   * Takes `cost` tokens (default 1) for `key`: allowed, or refused with the seconds to wait
   * before retrying. A refusal takes nothing, so a client that waits as told gets through.
   */
  take(key: string, cost?: number): Promise<RateLimitDecision>;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A token bucket: `capacity` requests at once, then `refillPerSecond` a second. */
export type TokenBucketPolicy = {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
};

export type TokenBucketOptions = TokenBucketPolicy & {
  /** Buckets kept at most; the least recently used are dropped (a full bucket is the same as none). */
  maxKeys?: number;
  now?: () => number;
};

/** Seconds until `missing` tokens are back, rounded up, at least 1 (Retry-After is whole seconds). */
export function secondsUntilRefilled(missing: number, refillPerSecond: number): number {
  return Math.max(1, Math.ceil(missing / refillPerSecond));
}

/** A cost above the capacity could never be allowed: a programming error, not a refusal. */
export function assertCost(cost: number, capacity: number): void {
  if (!(cost > 0) || cost > capacity) throw new RangeError(`Rate limit cost must be in (0, ${capacity}], got ${cost}`);
}

/**
 * An in-memory token bucket per key. Per process: with several instances each allows its own
 * burst, which is why RATE_LIMIT_STORE=postgres exists.
 */
export function createTokenBucketRateLimiter({ capacity, refillPerSecond, maxKeys = 10_000, now = Date.now }: TokenBucketOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key, cost = 1) {
      assertCost(cost, capacity);
      const time = now();
      const previous = buckets.get(key);
      const elapsedSeconds = previous ? Math.max(0, time - previous.at) / 1000 : 0;
      const tokens = previous ? Math.min(capacity, previous.tokens + elapsedSeconds * refillPerSecond) : capacity;
      // Re-inserting moves the key to the end: Map order is the least-recently-used order.
      buckets.delete(key);
      if (tokens < cost) {
        buckets.set(key, { tokens, at: time });
        return { allowed: false, retryAfterSeconds: secondsUntilRefilled(cost - tokens, refillPerSecond) };
      }
      buckets.set(key, { tokens: tokens - cost, at: time });
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      return { allowed: true };
    },
  };
}

/**
 * The client's IP as the proxy in front of the app reports it (first X-Forwarded-For entry, else
 * X-Real-IP), or "unknown". Next's own server sets X-Forwarded-For to the socket's address when a
 * request arrives without one, so without a proxy this is the direct peer.
 */
export function clientIpOf(request: Request | Headers): string {
  const headers = request instanceof Headers ? request : request.headers;
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  return ip && ip.length <= 64 ? ip : "unknown";
}
