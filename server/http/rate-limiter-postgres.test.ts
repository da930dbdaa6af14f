import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { RATE_LIMIT_POLICIES } from "./rate-limit-policies";
import { rateLimiterFor } from "./rate-limiter-for-policy";
import { createPostgresRateLimiter, deleteFullBuckets, type SqlRunner } from "./rate-limiter-postgres";

// This file's own env() (modules are per test file): the Postgres store.
beforeAll(() => {
  vi.stubEnv("RATE_LIMIT_STORE", "postgres");
});

// Two independent pools stand for two instances of the app: nothing in common but the database.
const pools: pg.Pool[] = [];
function instance(): SqlRunner {
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 });
  pools.push(pool);
  return async <Row>(text: string, values: unknown[]) => (await pool.query(text, values)).rows as Row[];
}

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all(pools.map((pool) => pool.end()));
});

const uniqueName = () => `test-${randomUUID()}`;

describe("Postgres token bucket", () => {
  it("allows the capacity, refuses the next with Retry-After seconds, takes nothing when refusing, and refills", async () => {
    const limiter = createPostgresRateLimiter({ name: uniqueName(), capacity: 3, refillPerSecond: 2 });
    await limiter.take("warm-up"); // the pool's first connection is slow, and refill runs meanwhile
    for (let index = 0; index < 3; index += 1) expect(await limiter.take("ip")).toEqual({ allowed: true });
    expect(await limiter.take("ip")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Another key has its own bucket.
    expect(await limiter.take("other")).toEqual({ allowed: true });
    // 2 a second: 600 ms bring back one token (and a bit), not two.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await limiter.take("ip")).toEqual({ allowed: true });
    expect((await limiter.take("ip")).allowed).toBe(false);
  });

  it("computes Retry-After from the tokens missing and takes a cost", async () => {
    const limiter = createPostgresRateLimiter({ name: uniqueName(), capacity: 10, refillPerSecond: 0.1 });
    expect(await limiter.take("k", 10)).toEqual({ allowed: true });
    const refused = await limiter.take("k", 3);
    expect(refused.allowed).toBe(false);
    // About 3 tokens missing at 0.1 a second: 30 s (a few ms already refilled round it to 30).
    expect(refused.allowed === false && refused.retryAfterSeconds).toBe(30);
    await expect(limiter.take("k", 11)).rejects.toThrow(RangeError);
  });

  it("50 parallel takes on one key allow exactly the capacity", async () => {
    const limiter = createPostgresRateLimiter({ name: uniqueName(), capacity: 10, refillPerSecond: 0.001 });
    const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.take("hot")));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    expect(decisions.filter((decision) => !decision.allowed)).toHaveLength(40);
  });

  it("two instances (independent pools) share one limit: 25 parallel takes each allow exactly the capacity in all", async () => {
    const name = uniqueName();
    const first = createPostgresRateLimiter({ name, capacity: 7, refillPerSecond: 0.001, sql: instance() });
    const second = createPostgresRateLimiter({ name, capacity: 7, refillPerSecond: 0.001, sql: instance() });
    const decisions = await Promise.all(Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? first : second).take("shared")));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(7);
    // And what one instance used up, the other sees.
    expect((await first.take("shared")).allowed).toBe(false);
    expect((await second.take("shared")).allowed).toBe(false);
  });

  it("policies share the table, not buckets", async () => {
    const a = createPostgresRateLimiter({ name: uniqueName(), capacity: 1, refillPerSecond: 0.001 });
    const b = createPostgresRateLimiter({ name: uniqueName(), capacity: 1, refillPerSecond: 0.001 });
    expect(await a.take("same")).toEqual({ allowed: true });
    expect(await b.take("same")).toEqual({ allowed: true });
    expect((await a.take("same")).allowed).toBe(false);
  });

  it("cleanup deletes only buckets that are full again, and a deleted bucket behaves as a full one", async () => {
    const name = uniqueName();
    const fast = createPostgresRateLimiter({ name, capacity: 2, refillPerSecond: 1000, cleanupProbability: 0 });
    const slow = createPostgresRateLimiter({ name: `${name}-slow`, capacity: 2, refillPerSecond: 0.001, cleanupProbability: 0 });
    await fast.take("k");
    await slow.take("k");
    await new Promise((resolve) => setTimeout(resolve, 20));
    let deleted = 0;
    // Other test files' buckets may be full too: delete until none is left.
    for (let batch = await deleteFullBuckets(); batch > 0; batch = await deleteFullBuckets()) deleted += batch;
    expect(deleted).toBeGreaterThanOrEqual(1);
    const keys = (await db().rateLimitBucket.findMany({ where: { key: { startsWith: name } }, select: { key: true } })).map((row) => row.key);
    expect(keys).toEqual([`${name}-slow:k`]);
    expect(await fast.take("k", 2)).toEqual({ allowed: true });
  });

  it("a take sometimes cleans up on the side (random sample), without changing its answer", async () => {
    const name = uniqueName();
    const full = createPostgresRateLimiter({ name, capacity: 1, refillPerSecond: 1000, cleanupProbability: 0 });
    await full.take("stale");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cleaning = createPostgresRateLimiter({ name: `${name}-2`, capacity: 1, refillPerSecond: 0.001, cleanupProbability: 1 });
    expect(await cleaning.take("k")).toEqual({ allowed: true });
    await vi.waitFor(async () => expect(await db().rateLimitBucket.count({ where: { key: `${name}:stale` } })).toBe(0));
  });
});

describe("rateLimiterFor with RATE_LIMIT_STORE=postgres", () => {
  it("keeps each policy's buckets in the table under the policy's name", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    const limiter = rateLimiterFor("unsubscribe");
    expect(rateLimiterFor("unsubscribe")).toBe(limiter);
    for (let index = 0; index < RATE_LIMIT_POLICIES.unsubscribe.capacity; index += 1) expect((await limiter.take(ip)).allowed).toBe(true);
    expect((await limiter.take(ip)).allowed).toBe(false);
    expect(await db().rateLimitBucket.findUnique({ where: { key: `unsubscribe:${ip}` }, select: { allowed: true } })).toEqual({ allowed: false });
  });
});
