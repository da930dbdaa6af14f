import "server-only";
import { db } from "@/server/db/client";
import { isLocale, type AppLocale } from "@/lib/i18n/locales";

/** The language someone chose on their account, looked up by e-mail; null for new or undecided people. */
export async function findSavedLocale(email: string): Promise<AppLocale | null> {
  const user = await db().user.findUnique({ where: { email }, select: { locale: true } });
  return isLocale(user?.locale) ? user.locale : null;
}
