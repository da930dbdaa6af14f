import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { TextLink } from "@/components/ui/text-link";
import { getConsentText } from "@/lib/consent/consent-texts";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import type { AlertTarget, AlertTargetType, PreferenceSource } from "@/lib/preferences/alert-vocabulary";
import { getViewerWriteRole } from "@/server/discussions/get-viewer-write-role";
import { ALERT_PURPOSE } from "@/server/preferences/alert-target-columns";
import { getAlertSubscription } from "@/server/preferences/get-alert-subscription";
import { WatchMenu } from "./watch-menu";

const PAGE_SOURCE: Record<AlertTargetType, PreferenceSource> = { product: "PRODUCT_PAGE", category: "CATEGORY_PAGE", thread: "THREAD_PAGE" };

type WatchControlProps = {
  target: AlertTarget;
  /** The product's, category's or thread's name, for the menu's label and its announcements. */
  name: string;
  /** This page's path, where signing in comes back to. */
  returnTo: string;
};

/**
 * The Watch button of a product, category or thread page: for a member, the menu of levels with
 * their saved choice (Normal when they chose nothing) and the consent texts in their language;
 * for anyone else, how to get there (sign in, or join: alerts need membership).
 */
export function WatchControl(props: WatchControlProps) {
  return (
    <div className="mt-3">
      <WatchControlFor {...props} />
    </div>
  );
}

async function WatchControlFor({ target, name, returnTo }: WatchControlProps) {
  const [viewer, t, requestLocale] = await Promise.all([getViewerWriteRole(), getTranslations("preferences.watch"), getLocale()]);
  if (viewer.kind === "signedOut") {
    return (
      <LinkButton variant="secondary" href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>
        {t(`signIn.${target.type}`)}
      </LinkButton>
    );
  }
  if (viewer.kind === "nonMember") {
    return (
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {t("joinHint")} <TextLink href="/join">{t(`join.${target.type}`)}</TextLink>
      </p>
    );
  }
  const locale = isLocale(requestLocale) ? requestLocale : DEFAULT_LOCALE;
  const purpose = ALERT_PURPOSE[target.type];
  const saved = await getAlertSubscription(viewer.userId, target);
  return (
    <WatchMenu
      target={target}
      name={name}
      saved={saved}
      source={PAGE_SOURCE[target.type]}
      locale={locale}
      grantText={getConsentText(purpose, "GRANTED", locale)}
      withdrawText={getConsentText(purpose, "WITHDRAWN", locale)}
    />
  );
}
