import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { getConsentText } from "@/lib/consent/consent-texts";
import type { AppLocale } from "@/lib/i18n/locales";
import { ALERT_TARGET_TYPES } from "@/lib/preferences/alert-vocabulary";
import type { AlertSubscriptionView } from "@/server/preferences/list-alert-subscriptions";
import type { WithdrawalTexts } from "./unsubscribe-from-all";
import { TARGET_PURPOSE, type SubscriptionRow, type TargetTexts } from "./subscription-rows";

const KNOWN_SOURCES = ["PRODUCT_PAGE", "CATEGORY_PAGE", "THREAD_PAGE", "PREFERENCE_CENTER", "EMAIL_PREFERENCE_LINK"];

/** Subscriptions in the page's words: level label, channels, "You chose … from … on …" (date per locale). */
export async function toSubscriptionRows(items: AlertSubscriptionView[]): Promise<SubscriptionRow[]> {
  const [t, format] = await Promise.all([getTranslations("preferences"), getFormatter()]);
  return items.map((item) => {
    const levelLabel = t(`watch.levels.${item.targetType}.${item.level}.label`);
    const channel = item.inApp && item.email ? "both" : item.email ? "email" : item.inApp ? "inApp" : "none";
    const source = t(`center.subscriptions.sources.${KNOWN_SOURCES.includes(item.source) ? item.source : "other"}`);
    return {
      id: item.id,
      targetType: item.targetType,
      targetId: item.targetId,
      name: item.name,
      href: item.href,
      level: item.level,
      inApp: item.inApp,
      email: item.email,
      levelLabel,
      channelsText: item.muted ? t("center.subscriptions.channels.none") : t(`center.subscriptions.channels.${channel}`),
      chosenSentence: t("center.subscriptions.chosen", { level: levelLabel, name: item.name, source, date: format.dateTime(item.chosenAt, { dateStyle: "long" }) }),
    };
  });
}

/** The alert texts of each kind of target, for one action, as the page shows them. */
export function targetTexts(action: "GRANTED" | "WITHDRAWN", locale: AppLocale): TargetTexts {
  return Object.fromEntries(ALERT_TARGET_TYPES.map((type) => [type, getConsentText(TARGET_PURPOSE[type], action, locale)])) as TargetTexts;
}

/** Every WITHDRAWN text "unsubscribe from everything" may record. */
export function withdrawalTexts(locale: AppLocale): WithdrawalTexts {
  const targets = targetTexts("WITHDRAWN", locale);
  return {
    PRODUCT_ALERTS: targets.product,
    CATEGORY_ALERTS: targets.category,
    THREAD_ALERTS: targets.thread,
    PERSONAL_NOTIFICATIONS: getConsentText("PERSONAL_NOTIFICATIONS", "WITHDRAWN", locale),
  };
}

