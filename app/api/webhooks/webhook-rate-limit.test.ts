import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PUT } from "@/app/api/webhooks/products/route";
import { POST } from "@/app/api/webhooks/purchases/route";
import { db } from "@/server/db/client";
import { RATE_LIMIT_POLICIES } from "@/server/http/rate-limit-policies";

// This file's own env(): the limit shared through Postgres, as with several instances.
beforeAll(() => {
  vi.stubEnv("RATE_LIMIT_STORE", "postgres");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const unsigned = (method: "POST" | "PUT", path: string, ip: string) =>
  new Request(`http://localhost/api/webhooks/${path}`, { method, body: "{}", headers: { "Content-Type": "application/json", "X-Forwarded-For": ip } });

describe("shop webhook rate limit (per IP, before the signature)", () => {
  it("answers 429 problem+json with Retry-After once an IP has used its burst on either webhook; other IPs go on", async () => {
    const ip = `203.0.113.${randomUUID()}`;
    const { capacity } = RATE_LIMIT_POLICIES["shop-webhook"];
    const statuses = new Set<number>();
    // Unsigned: each allowed call is a cheap 401. Both webhooks draw on one bucket per IP; calls
    // go on until the first refusal (the bucket refills a little meanwhile).
    let allowed = 0;
    let limited: Response | null = null;
    while (!limited && allowed < 2 * capacity) {
      const response = allowed % 2 === 0 ? await POST(unsigned("POST", "purchases", ip)) : await PUT(unsigned("PUT", "products", ip));
      if (response.status === 429) limited = response;
      else {
        statuses.add(response.status);
        allowed += 1;
      }
    }
    expect([...statuses]).toEqual([401]);
    expect(allowed).toBeGreaterThanOrEqual(capacity);
    expect(allowed).toBeLessThan(capacity * 1.5);
    // Refused right after by the other webhook too: one bucket.
    for (const refusal of [limited!, await PUT(unsigned("PUT", "products", ip))]) {
      expect(refusal.status).toBe(429);
      expect(refusal.headers.get("content-type")).toBe("application/problem+json");
      expect(Number(refusal.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await refusal.json()).toMatchObject({ status: 429, title: "Too Many Requests" });
    }
    expect((await POST(unsigned("POST", "purchases", `203.0.113.${randomUUID()}`))).status).toBe(401);
    expect(await db().rateLimitBucket.count({ where: { key: `shop-webhook:${ip}` } })).toBe(1);
  });
});
