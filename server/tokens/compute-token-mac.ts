import "server-only";
import { createHmac } from "node:crypto";

// Kinds are checked by TOKEN_KIND_PATTERN and kids by TOKEN_KID_PATTERN, neither can contain
// the NUL separator, so the signed text splits back into its parts one way only.
export const TOKEN_KIND_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * HMAC-SHA256 over the token's kind, key id and encoded payload. Binding the kind means a token
 * issued for one purpose (an invitation) is worthless as another (an unsubscribe link); binding
 * the kid means a token cannot be re-labelled to another key.
 */
export function computeTokenMac(kind: string, kid: string, encodedPayload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`entraide-token\0${kind}\0${kid}\0${encodedPayload}`, "utf8").digest();
}
