import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES, isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { LocaleSwitchForm } from "./locale-switch-form";

/** English / Français switch for the header; remembers the choice (and on the account when signed in). */
export async function LocaleSwitch() {
  const [t, locale] = await Promise.all([getTranslations("auth"), getLocale()]);
  return (
    <LocaleSwitchForm
      current={isLocale(locale) ? locale : DEFAULT_LOCALE}
      label={t("localeSwitch.label")}
      options={LOCALES.map((option) => ({ locale: option, name: t(`localeSwitch.names.${option}`) }))}
    />
  );
}
