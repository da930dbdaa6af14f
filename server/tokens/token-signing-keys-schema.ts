import "server-only";
import { z } from "zod";

/**
 * TOKEN_SIGNING_KEYS: comma-separated `kid:secret` pairs. The first key signs new tokens; every
 * listed key verifies, so a key can be rotated in (put first) and an old one kept until the
 * links it signed no longer matter.
 */

export type TokenSigningKey = { kid: string; secret: string };

export const TOKEN_KID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
export const TOKEN_SECRET_MIN_LENGTH = 32;

export const tokenSigningKeysSchema = z
  .string({ error: "is required: comma-separated kid:secret pairs, e.g. k1:<at least 32 random characters>" })
  .transform((value, context): TokenSigningKey[] => {
    const keys: TokenSigningKey[] = [];
    const entries = value.split(",").map((part) => part.trim()).filter(Boolean);
    if (entries.length === 0) context.addIssue({ code: "custom", message: "must list at least one kid:secret key" });
    for (const entry of entries) {
      // Split on the first colon only: a secret may contain colons.
      const separator = entry.indexOf(":");
      const kid = separator === -1 ? "" : entry.slice(0, separator);
      const secret = separator === -1 ? "" : entry.slice(separator + 1);
      if (!TOKEN_KID_PATTERN.test(kid)) {
        context.addIssue({ code: "custom", message: "each entry must be kid:secret, the kid 1-16 letters, digits, '-' or '_'" });
      } else if (secret.length < TOKEN_SECRET_MIN_LENGTH) {
        context.addIssue({ code: "custom", message: `the secret of key "${kid}" must be at least ${TOKEN_SECRET_MIN_LENGTH} characters` });
      } else if (keys.some((key) => key.kid === kid)) {
        context.addIssue({ code: "custom", message: `key id "${kid}" appears twice` });
      } else {
        keys.push({ kid, secret });
      }
    }
    return keys;
  });
