import "server-only";
import { env } from "@/server/env";
import type { TokenSigningKey } from "./token-signing-keys-schema";

/** The configured keys, signing key first (TOKEN_SIGNING_KEYS). */
export function getTokenSigningKeys(): readonly TokenSigningKey[] {
  return env().TOKEN_SIGNING_KEYS;
}
