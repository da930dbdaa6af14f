import "server-only";
import { connection } from "next/server";
import { getRequestConfig } from "next-intl/server";
import { NAMESPACES } from "@/lib/i18n/namespaces";
import type { AppLocale } from "@/lib/i18n/locales";
import { resolveLocale } from "./resolve-locale";

async function loadMessages(locale: AppLocale) {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}

export default getRequestConfig(async () => {
  // The language depends on the request (account, cookie, Accept-Language): never prerender.
  await connection();
  const locale = await resolveLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "Europe/Paris" };
});
