import "server-only";

/**
 * A per-key rate limit (e.g. per client IP on public endpoints). The interface is all callers
 * see: this process's in-memory token bucket now; a Postgres-backed one shared by every instance
 * can replace it (issue 8) without changing them.
 */
export interface RateLimiter {
  /** Takes one token for `key`: allowed, or refused with the seconds to wait before retrying. */
  take(key: string): Promise<RateLimitDecision>;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type TokenBucketOptions = {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
  /** Buckets kept at most; the least recently used are dropped (a full bucket is the same as none). */
  maxKeys?: number;
  now?: () => number;
};

/**
 * An in-memory token bucket per key. Per process: with several instances each allows its own
 * burst, which is acceptable for abuse protection; issue 8 shares the buckets through Postgres.
 */
export function createTokenBucketRateLimiter({ capacity, refillPerSecond, maxKeys = 10_000, now = Date.now }: TokenBucketOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key) {
      const time = now();
      const previous = buckets.get(key);
      const elapsedSeconds = previous ? Math.max(0, time - previous.at) / 1000 : 0;
      const tokens = previous ? Math.min(capacity, previous.tokens + elapsedSeconds * refillPerSecond) : capacity;
      // Re-inserting moves the key to the end: Map order is the least-recently-used order.
      buckets.delete(key);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: time });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: time });
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      return { allowed: true };
    },
  };
}

/**
 * The client's IP as the proxy in front of the app reports it (first X-Forwarded-For entry, else
 * X-Real-IP), or "unknown". Only meaningful behind a proxy that sets these headers itself.
 */
export function clientIpOf(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || request.headers.get("x-real-ip")?.trim();
  return ip && ip.length <= 64 ? ip : "unknown";
}
