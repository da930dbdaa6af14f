import { describe, expect, it } from "vitest";
import { clientIpOf, createTokenBucketRateLimiter } from "./rate-limiter";

describe("in-memory token bucket", () => {
  it("allows the capacity at once, refuses the next with the seconds until a token is back, and refills", async () => {
    let now = 1_000_000;
    const limiter = createTokenBucketRateLimiter({ capacity: 3, refillPerSecond: 0.25, now: () => now });
    for (let index = 0; index < 3; index += 1) expect(await limiter.take("a")).toEqual({ allowed: true });
    expect(await limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 4 });
    // Another key has its own bucket.
    expect(await limiter.take("b")).toEqual({ allowed: true });
    // A refusal takes nothing: after the announced 4 seconds exactly one more is allowed.
    now += 4000;
    expect(await limiter.take("a")).toEqual({ allowed: true });
    expect((await limiter.take("a")).allowed).toBe(false);
  });

  it("takes a cost, refuses what exceeds the tokens left, and rejects a cost above the capacity", async () => {
    const now = 0;
    const limiter = createTokenBucketRateLimiter({ capacity: 5, refillPerSecond: 1, now: () => now });
    expect(await limiter.take("k", 4)).toEqual({ allowed: true });
    expect(await limiter.take("k", 2)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await limiter.take("k", 1)).toEqual({ allowed: true });
    await expect(limiter.take("k", 6)).rejects.toThrow(RangeError);
  });

  it("forgets the least recently used keys beyond maxKeys (a forgotten bucket is a full one)", async () => {
    const limiter = createTokenBucketRateLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2, now: () => 0 });
    await limiter.take("x");
    await limiter.take("y");
    await limiter.take("z");
    expect((await limiter.take("x")).allowed).toBe(true);
    expect((await limiter.take("z")).allowed).toBe(false);
  });
});

describe("clientIpOf", () => {
  it("reads the first X-Forwarded-For entry, else X-Real-IP, else unknown", () => {
    expect(clientIpOf(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIpOf(new Request("http://x.test/", { headers: { "x-real-ip": "198.51.100.2" } }))).toBe("198.51.100.2");
    expect(clientIpOf(new Headers())).toBe("unknown");
    expect(clientIpOf(new Headers({ "x-forwarded-for": "a".repeat(65) }))).toBe("unknown");
  });
});
