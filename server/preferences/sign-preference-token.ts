import "server-only";
import { signToken } from "@/server/tokens/sign-token";
import type { TokenSigningKey } from "@/server/tokens/token-signing-keys-schema";
import { PREFERENCE_TOKEN_KIND } from "./preference-token-kind";

/**
 * The token of a member's e-mail preference link (`/preferences/<token>`). It carries only the
 * user id (an opaque cuid, no personal data), is signed with the current key and never expires:
 * what it allows (lowering, stopping, unsubscribing) is safe to do late.
 */
export function signPreferenceToken(userId: string, keys?: readonly TokenSigningKey[]): string {
  return signToken(PREFERENCE_TOKEN_KIND, userId, keys);
}
