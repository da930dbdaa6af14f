import "server-only";
import { cookies, headers } from "next/headers";
import { isLocale, negotiateLocale, LOCALE_COOKIE, type AppLocale } from "@/lib/i18n/locales";
import { getCurrentUser } from "@/server/auth/get-current-user";

/**
 * The language of this request. An explicit choice wins over what the browser asks for: first
 * the one saved on the signed-in person's account (it follows them across devices), then this
 * browser's choice (the NEXT_LOCALE cookie), then Accept-Language.
 */
export async function resolveLocale(): Promise<AppLocale> {
  const user = await getCurrentUser();
  if (user?.locale) return user.locale;
  return resolveVisitorLocale();
}

/** The language this browser asked for, ignoring any account (cookie, then Accept-Language). */
export async function resolveVisitorLocale(): Promise<AppLocale> {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookieLocale)) return cookieLocale;
  return negotiateLocale((await headers()).get("accept-language"));
}
