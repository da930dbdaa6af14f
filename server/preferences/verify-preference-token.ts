import "server-only";
import { db } from "@/server/db/client";
import { verifyToken } from "@/server/tokens/verify-token";
import type { TokenSigningKey } from "@/server/tokens/token-signing-keys-schema";
import { maskEmail } from "@/lib/preferences/mask-email";
import { PREFERENCE_TOKEN_KIND } from "./preference-token-kind";

export type PreferenceLinkRecipient = {
  userId: string;
  /** The address shown on the page, e.g. "a•••e@d•••.test": enough to recognise, not to read. */
  maskedEmail: string;
};

/**
 * Whose preference link this is, or null for anything else: malformed, forged, truncated, another
 * kind of token, an unknown or deleted account all give the same null, so the page and every
 * action answer them alike. Old keys still verify after rotation (TOKEN_SIGNING_KEYS).
 */
export async function verifyPreferenceToken(token: unknown, keys?: readonly TokenSigningKey[]): Promise<PreferenceLinkRecipient | null> {
  const userId = verifyToken(PREFERENCE_TOKEN_KIND, token, keys);
  if (!userId) return null;
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, deletedAt: true } });
  if (!user || user.deletedAt !== null) return null;
  return { userId, maskedEmail: maskEmail(user.email) };
}
