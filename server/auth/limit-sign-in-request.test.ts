import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { RATE_LIMIT_POLICIES } from "@/server/http/rate-limit-policies";
import { getAuthOptions } from "./auth-options";
import { limitSignInRequest } from "./limit-sign-in-request";

// The /api/auth route reads the client's address from the request headers.
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current, cookies: async () => ({ get: () => undefined }) }));

const newIp = () => `198.51.100.${randomUUID()}`;
const newAddress = () => `someone-${randomUUID()}@example.test`;

describe("limitSignInRequest", () => {
  it("allows an address its burst, then refuses it from any IP, while other addresses still get links", async () => {
    const email = newAddress();
    const { capacity } = RATE_LIMIT_POLICIES["sign-in-address"];
    for (let index = 0; index < capacity; index += 1) expect((await limitSignInRequest({ email, ip: newIp() })).allowed).toBe(true);
    const refused = await limitSignInRequest({ email: email.toUpperCase(), ip: newIp() });
    expect(refused.allowed).toBe(false);
    // One a minute: the next token is about a minute away.
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(50);
    expect((await limitSignInRequest({ email: newAddress(), ip: newIp() })).allowed).toBe(true);
  });

  it("refuses an IP past its burst whatever the address, and other IPs are unaffected", async () => {
    const ip = newIp();
    const { capacity } = RATE_LIMIT_POLICIES["sign-in-ip"];
    for (let index = 0; index < capacity; index += 1) expect((await limitSignInRequest({ email: newAddress(), ip })).allowed).toBe(true);
    expect((await limitSignInRequest({ email: newAddress(), ip })).allowed).toBe(false);
    expect((await limitSignInRequest({ email: newAddress(), ip: newIp() })).allowed).toBe(true);
  });
});

describe("the /api/auth signIn callback", () => {
  it("answers a link request past the limit with the sign-in page's RateLimited URL, and leaves using a link alone", async () => {
    const signIn = (await getAuthOptions()).callbacks!.signIn!;
    const email = newAddress();
    const user = { id: email, email, emailVerified: null };
    requestHeaders.current = new Headers({ "x-forwarded-for": newIp() });
    for (let index = 0; index < RATE_LIMIT_POLICIES["sign-in-address"].capacity; index += 1) {
      expect(await signIn({ user, account: null, email: { verificationRequest: true } })).toBe(true);
    }
    expect(await signIn({ user, account: null, email: { verificationRequest: true } })).toMatch(/^https?:\/\/[^/]+\/signin\?error=RateLimited$/);
    // Following a link already mailed is not a request for another.
    expect(await signIn({ user, account: null })).toBe(true);
  });

  it("answers a failure (here: no request headers) with the generic error URL, never the error's text", async () => {
    const signIn = (await getAuthOptions()).callbacks!.signIn!;
    const email = newAddress();
    const failing = requestHeaders.current;
    requestHeaders.current = undefined as unknown as Headers;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await signIn({ user: { id: email, email, emailVerified: null }, account: null, email: { verificationRequest: true } })).toMatch(/^https?:\/\/[^/]+\/signin\?error=Default$/);
      expect(errors).toHaveBeenCalledWith("Sign-in callback failed", expect.any(Error));
    } finally {
      errors.mockRestore();
      requestHeaders.current = failing;
    }
  });
});
