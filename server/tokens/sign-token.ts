import "server-only";
import { computeTokenMac, TOKEN_KIND_PATTERN } from "./compute-token-mac";
import { getTokenSigningKeys } from "./get-token-signing-keys";
import type { TokenSigningKey } from "./token-signing-keys-schema";

/**
 * A signed, URL-safe token `<kid>.<base64url payload>.<base64url mac>` for links in pages and
 * e-mails (invitations, preference center, one-click unsubscribe). It proves the payload came
 * from us; it does not hide it, so payloads must be opaque ids, never personal data. Tokens do
 * not expire: what they unlock must be safe to use late (the record behind them decides).
 */
export function signToken(kind: string, payload: string, keys: readonly TokenSigningKey[] = getTokenSigningKeys()): string {
  if (!TOKEN_KIND_PATTERN.test(kind)) throw new Error(`Invalid token kind "${kind}"`);
  const signingKey = keys[0];
  if (!signingKey) throw new Error("No token signing key is configured (TOKEN_SIGNING_KEYS)");
  const encodedPayload = Buffer.from(payload, "utf8").toString("base64url");
  const mac = computeTokenMac(kind, signingKey.kid, encodedPayload, signingKey.secret).toString("base64url");
  return `${signingKey.kid}.${encodedPayload}.${mac}`;
}
