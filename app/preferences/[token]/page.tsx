import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { TooManyRequestsNotice } from "@/components/errors/too-many-requests-notice";
import { PauseEmailControl } from "@/components/preferences/pause-email-control";
import { PersonalEmailOffList } from "@/components/preferences/personal-email-off-list";
import { PreferenceSection } from "@/components/preferences/preference-section";
import { SubscriptionList } from "@/components/preferences/subscription-list";
import { targetTexts, toSubscriptionRows, withdrawalTexts } from "@/components/preferences/to-subscription-rows";
import { UnsubscribeFromAll } from "@/components/preferences/unsubscribe-from-all";
import { LinkButton } from "@/components/ui/link-button";
import { Pagination } from "@/components/ui/pagination";
import { getConsentText } from "@/lib/consent/consent-texts";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { takeVisitorRateLimit } from "@/server/http/rate-limit-visitor";
import { getEmailPreference } from "@/server/preferences/get-email-preference";
import { getPersonalEventPreferences } from "@/server/preferences/get-personal-event-preferences";
import { listAlertSubscriptions } from "@/server/preferences/list-alert-subscriptions";
import { verifyPreferenceToken } from "@/server/preferences/verify-preference-token";

// generateMetadata and the page both need the recipient: one lookup, and one token of the per-IP
// limit (policy "preference-link"), per request. A refused request never looks at the token.
const loadLink = cache(async (token: string) => {
  const limit = await takeVisitorRateLimit("preference-link");
  if (!limit.allowed) return { limited: true, retryAfterSeconds: limit.retryAfterSeconds } as const;
  return { limited: false, recipient: await verifyPreferenceToken(token) } as const;
});

type LinkPageProps = { params: Promise<{ token: string }>; searchParams: Promise<{ page?: string | string[] }> };

// A personal link: out of search engines and other sites' logs ("same-origin", not "no-referrer",
// which makes server-action posts send "Origin: null").
const PRIVATE_PAGE: Metadata = { robots: { index: false, follow: false }, referrer: "same-origin" };

export async function generateMetadata({ params }: LinkPageProps): Promise<Metadata> {
  await connection();
  const link = await loadLink((await params).token);
  if (link.limited) return { ...PRIVATE_PAGE, title: (await getTranslations("errors.tooManyRequests"))("title") };
  // Same verdict as the page, so every bad link gets the not-found page's title.
  if (!link.recipient) notFound();
  const t = await getTranslations("preferences.center.link");
  return { ...PRIVATE_PAGE, title: t("metaTitle") };
}

/**
 * The preference center behind the signed link in every alert e-mail, without signing in. It
 * shows the address masked and only what lowers: stop or lower a subscription, turn off a
 * personal e-mail, pause, unsubscribe from everything. Any invalid token (forged, truncated,
 * other kind, unknown or deleted account) is the same plain 404.
 */
export default async function PreferenceLinkPage({ params, searchParams }: LinkPageProps) {
  await connection();
  const { token } = await params;
  const link = await loadLink(token);
  if (link.limited) return <TooManyRequestsNotice retryAfterSeconds={link.retryAfterSeconds} />;
  const { recipient } = link;
  if (!recipient) notFound();
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();

  const [subscriptions, personal, email, t, requestLocale] = await Promise.all([
    listAlertSubscriptions({ userId: recipient.userId, page, muted: false }),
    getPersonalEventPreferences(recipient.userId),
    getEmailPreference(recipient.userId),
    getTranslations("preferences.center"),
    getLocale(),
  ]);
  if (!isPageInRange(page, subscriptions.pageCount)) notFound();
  const locale = isLocale(requestLocale) ? requestLocale : DEFAULT_LOCALE;
  const rows = await toSubscriptionRows(subscriptions.items);
  const basePath = `/preferences/${encodeURIComponent(token)}`;

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold">{t("link.title")}</h1>
      <p className="mt-2 font-medium break-all">{t("link.recipient", { email: recipient.maskedEmail })}</p>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("link.intro")}</p>
      <LinkButton href={`/signin?callbackUrl=${encodeURIComponent("/account/preferences")}`} variant="secondary" className="mt-4">
        {t("link.signIn")}
      </LinkButton>

      <PreferenceSection id="subscriptions-title" title={t("subscriptions.title")}>
        <SubscriptionList rows={rows} total={subscriptions.total} locale={locale} withdrawTexts={targetTexts("WITHDRAWN", locale)} token={token} />
        <Pagination page={page} pageCount={subscriptions.pageCount} hrefForPage={(target) => (target > 1 ? `${basePath}?page=${target}` : basePath)} />
      </PreferenceSection>

      <PreferenceSection id="personal-title" title={t("personal.title")}>
        <PersonalEmailOffList
          events={personal.filter((row) => row.email).map((row) => row.event)}
          token={token}
          locale={locale}
          offText={getConsentText("PERSONAL_NOTIFICATIONS", "WITHDRAWN", locale)}
        />
      </PreferenceSection>

      <PreferenceSection id="delivery-title" title={t("delivery.title")}>
        <h3 className="mt-4 text-lg font-semibold">{t("pause.title")}</h3>
        <PauseEmailControl
          paused={email.paused}
          locale={locale}
          token={token}
          pauseText={getConsentText("ALERT_EMAIL", "WITHDRAWN", locale)}
          resumeText={getConsentText("ALERT_EMAIL", "GRANTED", locale)}
        />
        <h3 className="mt-8 text-lg font-semibold">{t("unsubscribe.title")}</h3>
        <UnsubscribeFromAll locale={locale} texts={withdrawalTexts(locale)} token={token} />
      </PreferenceSection>
    </div>
  );
}
