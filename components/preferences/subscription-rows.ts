import type { ShownConsentText } from "@/components/membership/shown-consent-text";
import type { AlertLevel, AlertTargetType } from "@/lib/preferences/alert-vocabulary";

/** One subscription as the preference center shows it; the words are made on the server. */
export type SubscriptionRow = {
  id: string;
  targetType: AlertTargetType;
  targetId: string;
  name: string;
  href: string | null;
  level: AlertLevel;
  inApp: boolean;
  email: boolean;
  levelLabel: string;
  channelsText: string;
  /** "You chose New threads on SSD X, from the product page, on 3 March 2026." */
  chosenSentence: string;
};

/** A consent text per kind of target (PRODUCT_ALERTS, CATEGORY_ALERTS, THREAD_ALERTS). */
export type TargetTexts = Record<AlertTargetType, ShownConsentText>;

export const TARGET_PURPOSE = { product: "PRODUCT_ALERTS", category: "CATEGORY_ALERTS", thread: "THREAD_ALERTS" } as const satisfies Record<AlertTargetType, string>;
