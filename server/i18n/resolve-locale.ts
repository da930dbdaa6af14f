import "server-only";
import { cookies, headers } from "next/headers";
import { isLocale, negotiateLocale, LOCALE_COOKIE, type AppLocale } from "@/lib/i18n/locales";

/**
 * The language of this request: the visitor's explicit choice (header switch, stored in a cookie
 * and, when signed in, on their account) wins over what the browser asks for.
 */
export async function resolveLocale(): Promise<AppLocale> {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookieLocale)) return cookieLocale;
  return negotiateLocale((await headers()).get("accept-language"));
}
