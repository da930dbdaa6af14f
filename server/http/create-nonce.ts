import "server-only";
import { randomBytes } from "node:crypto";

/**
 * 144 random bits, base64url (24 characters, no padding; CSP allows - and _): unguessable, fresh
 * for each response, and never escaped in HTML, JSON or a URL, so the page cache finds every copy.
 */
export function createNonce(): string {
  return randomBytes(18).toString("base64url");
}
