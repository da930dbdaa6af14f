import "server-only";
import { timingSafeEqual } from "node:crypto";
import { computeTokenMac, TOKEN_KIND_PATTERN } from "./compute-token-mac";
import { getTokenSigningKeys } from "./get-token-signing-keys";
import type { TokenSigningKey } from "./token-signing-keys-schema";

// Tokens arrive in URLs and form fields: refuse absurd input before doing any work on it.
const MAX_TOKEN_LENGTH = 1024;
const MAC_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * The payload of a token made by signToken for this `kind`, or null. Every failure (malformed,
 * unknown key, wrong kind, tampered) gives the same null, so a caller cannot leak which check
 * failed; the MAC is compared in constant time.
 */
export function verifyToken(kind: string, token: unknown, keys: readonly TokenSigningKey[] = getTokenSigningKeys()): string | null {
  if (!TOKEN_KIND_PATTERN.test(kind)) return null;
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;

  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [kid, encodedPayload, encodedMac] = parts as [string, string, string];
  if (!BASE64URL.test(encodedPayload) || !BASE64URL.test(encodedMac)) return null;

  const key = keys.find((candidate) => candidate.kid === kid);
  if (!key) return null;

  const received = Buffer.from(encodedMac, "base64url");
  // Node's decoder skips stray characters and ignores trailing bits; only the canonical
  // encoding is accepted, so one token has exactly one spelling.
  if (received.length !== MAC_BYTES || received.toString("base64url") !== encodedMac) return null;
  const expected = computeTokenMac(kind, kid, encodedPayload, key.secret);
  if (!timingSafeEqual(received, expected)) return null;

  const payload = Buffer.from(encodedPayload, "base64url");
  if (payload.toString("base64url") !== encodedPayload) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(payload);
  } catch {
    return null;
  }
}
