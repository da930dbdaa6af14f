import { describe, expect, it } from "vitest";
import { signShopPayload, verifyShopSignature } from "./verify-shop-signature";

const secret = "test-secret-for-shop-webhooks-0123456789abcdef";
const now = 1_780_000_000;
const body = new TextEncoder().encode('{"products":[]}');

const check = (overrides: Partial<Parameters<typeof verifyShopSignature>[0]> = {}) =>
  verifyShopSignature({
    rawBody: body,
    timestampHeader: String(now),
    signatureHeader: signShopPayload(body, secret, now),
    secret,
    nowSeconds: now,
    ...overrides,
  });

describe("signShopPayload", () => {
  it("is the hex HMAC-SHA256 of '<timestamp>.<body>', the same for a string or its bytes", () => {
    const signature = signShopPayload('{"products":[]}', secret, now);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signShopPayload(body, secret, now)).toBe(signature);
    expect(signShopPayload(body, secret, now + 1)).not.toBe(signature);
  });
});

describe("verifyShopSignature", () => {
  it("accepts a correct signature", () => {
    expect(check()).toEqual({ ok: true });
  });

  it("accepts uppercase hex and surrounding spaces", () => {
    const hex = signShopPayload(body, secret, now).slice("sha256=".length);
    expect(check({ signatureHeader: ` sha256=${hex.toUpperCase()} ` })).toEqual({ ok: true });
  });

  it("rejects a signature made with another secret", () => {
    expect(check({ signatureHeader: signShopPayload(body, "another-secret-another-secret-another", now) })).toEqual({ ok: false, reason: "signature-mismatch" });
  });

  it("rejects a body changed after signing", () => {
    expect(check({ rawBody: new TextEncoder().encode('{"products":[ ]}') })).toEqual({ ok: false, reason: "signature-mismatch" });
  });

  it("rejects a timestamp changed after signing", () => {
    expect(check({ timestampHeader: String(now - 1) })).toEqual({ ok: false, reason: "signature-mismatch" });
  });

  it("rejects missing headers", () => {
    expect(check({ timestampHeader: null })).toEqual({ ok: false, reason: "missing-timestamp" });
    expect(check({ signatureHeader: null })).toEqual({ ok: false, reason: "missing-signature" });
    expect(check({ signatureHeader: "" })).toEqual({ ok: false, reason: "missing-signature" });
  });

  it("rejects malformed headers without throwing", () => {
    for (const signatureHeader of ["sha256=abc", "sha1=" + "a".repeat(40), "a".repeat(64), `sha256=${"g".repeat(64)}`, `sha256=${"a".repeat(66)}`]) {
      expect(check({ signatureHeader })).toEqual({ ok: false, reason: "malformed-signature" });
    }
    for (const timestampHeader of ["soon", "1.5", "-60", "1e9", ""]) {
      expect(check({ timestampHeader }).ok).toBe(false);
    }
  });

  it("rejects timestamps six minutes old or six minutes ahead", () => {
    for (const timestamp of [now - 6 * 60, now + 6 * 60]) {
      expect(check({ timestampHeader: String(timestamp), signatureHeader: signShopPayload(body, secret, timestamp) })).toEqual({
        ok: false,
        reason: "stale-timestamp",
      });
    }
  });

  it("accepts timestamps within five minutes either way", () => {
    for (const timestamp of [now - 5 * 60, now - 4 * 60, now + 4 * 60, now + 5 * 60]) {
      expect(check({ timestampHeader: String(timestamp), signatureHeader: signShopPayload(body, secret, timestamp) })).toEqual({ ok: true });
    }
  });
});
