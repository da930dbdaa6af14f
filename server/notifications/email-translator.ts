import "server-only";
// use-intl/core is what next-intl re-exports, without React: it also loads in plain Node (tsx:
// `npm run worker`, the bench), where next-intl's react-server entry cannot.
import { createTranslator } from "use-intl/core";
import type { AppLocale } from "@/lib/i18n/locales";
import enCommon from "@/messages/en/common.json";
import frCommon from "@/messages/fr/common.json";
import enEmail from "@/messages/en/email.json";
import frEmail from "@/messages/fr/email.json";

const catalogs = { en: { common: enCommon, email: enEmail }, fr: { common: frCommon, email: frEmail } } as const;

const newTranslator = (locale: AppLocale) => createTranslator({ locale, messages: catalogs[locale], namespace: "email" });
type EmailTranslator = { t: ReturnType<typeof newTranslator>; appName: string };
const translators: Partial<Record<AppLocale, EmailTranslator>> = {};

/**
 * Translations for e-mails and the unsubscribe page, which are built outside a page render (a job,
 * a route handler) and so in the recipient's language rather than the request's.
 */
export function emailTranslator(locale: AppLocale): EmailTranslator {
  // One per language for the process: a translator keeps the messages it has parsed, so the
  // e-mail sender does not parse every ICU message again for each of thousands of e-mails
  // (rendering an alert took 2.5 times longer with a new translator per message).
  translators[locale] ??= { t: newTranslator(locale), appName: catalogs[locale].common.appName };
  return translators[locale];
}
