import "server-only";
import { db } from "@/server/db/client";
import type { AppLocale } from "@/lib/i18n/locales";
import { verifyToken } from "@/server/tokens/verify-token";
import type { TokenSigningKey } from "@/server/tokens/token-signing-keys-schema";
import { UNSUBSCRIBE_TOKEN_KIND } from "./sign-unsubscribe-token";
import { parseUnsubscribeList, type UnsubscribeList } from "./unsubscribe-list";

export type UnsubscribeLinkRecipient = {
  userId: string;
  listKey: string;
  list: UnsubscribeList;
  /** The member's saved language, if any: the page speaks it before the browser's. */
  savedLocale: AppLocale | null;
};

/**
 * Whose unsubscribe link this is and for which list, or null for anything else: malformed,
 * forged, truncated, another kind of token, an unknown list key, an unknown or deleted account
 * all give the same null, so the route answers them all with one identical response.
 */
export async function verifyUnsubscribeToken(token: unknown, keys?: readonly TokenSigningKey[]): Promise<UnsubscribeLinkRecipient | null> {
  const payload = verifyToken(UNSUBSCRIBE_TOKEN_KIND, token, keys);
  if (!payload) return null;
  const separator = payload.indexOf(":");
  if (separator <= 0) return null;
  const userId = payload.slice(0, separator);
  const listKey = payload.slice(separator + 1);
  const list = parseUnsubscribeList(listKey);
  if (!list) return null;
  const user = await db().user.findUnique({ where: { id: userId }, select: { deletedAt: true, locale: true } });
  if (!user || user.deletedAt !== null) return null;
  return { userId, listKey, list, savedLocale: user.locale };
}
