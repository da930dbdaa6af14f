import "server-only";
import { cookies } from "next/headers";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { LOCALE_COOKIE, type AppLocale } from "@/lib/i18n/locales";

const ONE_YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

/**
 * Remembers a language the person picked: in a cookie for this browser and, when signed in,
 * on their account so it follows them (and their e-mails) everywhere.
 */
export async function saveLocaleChoice(locale: AppLocale, userId: string | null): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: ONE_YEAR_IN_SECONDS,
    sameSite: "lax",
    httpOnly: true,
    secure: env().APP_URL.startsWith("https://"),
  });
  if (userId) await db().user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
}
