import "server-only";
import { createHash } from "node:crypto";

/**
 * Hex SHA-256 of an address, trimmed and lower-cased, so "Alice@Shop.test " and
 * "alice@shop.test" match. Suppression entries keep only this, never the address itself.
 */
export function hashEmailAddress(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase(), "utf8").digest("hex");
}
