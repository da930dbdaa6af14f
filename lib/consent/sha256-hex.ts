import { createHash } from "node:crypto";

/**
 * Hex SHA-256 of a string's UTF-8 bytes: the fingerprint the ledger keeps of the exact consent
 * text a person was shown. Uses node:crypto, so call it on the server only (pages, actions,
 * server/); client components receive texts, never hash them.
 */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
