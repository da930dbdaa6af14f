import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Authenticates a shop-to-Entraide webhook. The shop signs "<unix seconds>.<raw body bytes>"
 * with HMAC-SHA256 and the shared secret; the timestamp is part of the signed text so an
 * intercepted delivery cannot be replayed outside the tolerance window.
 */

export const SHOP_TIMESTAMP_HEADER = "X-Entraide-Timestamp";
export const SHOP_SIGNATURE_HEADER = "X-Entraide-Signature";
/** Accepted clock difference, either direction: covers skew and retries, limits replays. */
export const SHOP_SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

const SIGNATURE_PATTERN = /^sha256=([0-9a-fA-F]{64})$/;
const TIMESTAMP_PATTERN = /^\d{1,15}$/;

export type ShopSignatureFailure =
  | "missing-timestamp"
  | "malformed-timestamp"
  | "stale-timestamp"
  | "missing-signature"
  | "malformed-signature"
  | "signature-mismatch";

export type ShopSignatureCheck = { ok: true } | { ok: false; reason: ShopSignatureFailure };

function hmacOf(body: string | Uint8Array, secret: string, timestamp: number | string): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
}

/** The X-Entraide-Signature value for a body: for tests, the shop's integration and the docs. */
export function signShopPayload(body: string | Uint8Array, secret: string, timestamp: number): string {
  return `sha256=${hmacOf(body, secret, timestamp).toString("hex")}`;
}

export function verifyShopSignature(input: {
  rawBody: Uint8Array;
  timestampHeader: string | null;
  signatureHeader: string | null;
  secret: string;
  nowSeconds?: number;
}): ShopSignatureCheck {
  const { rawBody, timestampHeader, signatureHeader, secret } = input;
  const nowSeconds = input.nowSeconds ?? Math.floor(Date.now() / 1000);

  if (!timestampHeader) return { ok: false, reason: "missing-timestamp" };
  const timestamp = timestampHeader.trim();
  if (!TIMESTAMP_PATTERN.test(timestamp)) return { ok: false, reason: "malformed-timestamp" };
  if (Math.abs(nowSeconds - Number(timestamp)) > SHOP_SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, reason: "stale-timestamp" };
  }

  if (!signatureHeader) return { ok: false, reason: "missing-signature" };
  const match = SIGNATURE_PATTERN.exec(signatureHeader.trim());
  if (!match?.[1]) return { ok: false, reason: "malformed-signature" };

  const received = Buffer.from(match[1], "hex");
  // Sign the timestamp exactly as received: re-serialising the number could change its text.
  const expected = hmacOf(rawBody, secret, timestamp);
  // timingSafeEqual throws on different lengths; the pattern guarantees 32 bytes, but keep the
  // guard so a future format change cannot turn into a 500.
  const matches = received.length === expected.length && timingSafeEqual(received, expected);
  return matches ? { ok: true } : { ok: false, reason: "signature-mismatch" };
}
