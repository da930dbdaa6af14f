import "server-only";
import { randomBytes } from "node:crypto";

/** 144 random bits in base64 (24 characters, no padding): unguessable, fresh for each response. */
export function createNonce(): string {
  return randomBytes(18).toString("base64");
}
