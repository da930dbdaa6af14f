import "server-only";
import { signToken } from "@/server/tokens/sign-token";
import type { TokenSigningKey } from "@/server/tokens/token-signing-keys-schema";

/** The signed-token kind of one-click unsubscribe links: such a token opens nothing else. */
export const UNSUBSCRIBE_TOKEN_KIND = "unsubscribe";

/**
 * The token of an alert e-mail's unsubscribe link (`/unsubscribe/<token>`, also the
 * List-Unsubscribe header): `<userId>:<listKey>` — an opaque user id and the list's key (see
 * unsubscribe-list.ts), no personal data. Deterministic (the same member and list always get the
 * same link) and without expiry: what it allows, stopping that one list, is safe to do late.
 */
export function signUnsubscribeToken(userId: string, listKey: string, keys?: readonly TokenSigningKey[]): string {
  if (userId.includes(":")) throw new Error("A user id cannot contain ':'");
  return signToken(UNSUBSCRIBE_TOKEN_KIND, `${userId}:${listKey}`, keys);
}
