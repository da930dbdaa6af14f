import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { EmailDeliveryForm } from "@/components/preferences/email-delivery-form";
import { timeZoneChoices, weekdayNames } from "@/components/preferences/delivery-choices";
import { MutedList } from "@/components/preferences/muted-list";
import { PauseEmailControl } from "@/components/preferences/pause-email-control";
import { PersonalEventSwitches } from "@/components/preferences/personal-event-switches";
import { PreferenceSection } from "@/components/preferences/preference-section";
import { SubscriptionList } from "@/components/preferences/subscription-list";
import { targetTexts, toSubscriptionRows, withdrawalTexts } from "@/components/preferences/to-subscription-rows";
import { UnsubscribeFromAll } from "@/components/preferences/unsubscribe-from-all";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pagination } from "@/components/ui/pagination";
import { TextLink } from "@/components/ui/text-link";
import { getConsentText } from "@/lib/consent/consent-texts";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { requireUser } from "@/server/auth/require-user";
import { getEmailPreference } from "@/server/preferences/get-email-preference";
import { getPersonalEventPreferences } from "@/server/preferences/get-personal-event-preferences";
import { listAlertSubscriptions } from "@/server/preferences/list-alert-subscriptions";

const PATH = "/account/preferences";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("preferences.center");
  return { title: t("title"), robots: { index: false } };
}

type SearchParams = { page?: string | string[]; muted?: string | string[] };

/** Both lists page independently: ?page= for subscriptions, ?muted= for muted items. */
function hrefFor(page: number, muted: number): string {
  const params = new URLSearchParams();
  if (page > 1) params.set("page", String(page));
  if (muted > 1) params.set("muted", String(muted));
  const query = params.toString();
  return query ? `${PATH}?${query}` : PATH;
}

/** The signed-in member's preference center: subscriptions, things that concern them, e-mail delivery. */
export default async function PreferencesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireUser(PATH);
  const params = await searchParams;
  const page = parsePageParam(params.page);
  const mutedPage = parsePageParam(params.muted);
  if (page === null || mutedPage === null) notFound();

  const [subscriptions, muted, personal, email, t, tAuth, requestLocale] = await Promise.all([
    listAlertSubscriptions({ userId: user.id, page, muted: false }),
    listAlertSubscriptions({ userId: user.id, page: mutedPage, muted: true }),
    getPersonalEventPreferences(user.id),
    getEmailPreference(user.id),
    getTranslations("preferences.center"),
    getTranslations("auth"),
    getLocale(),
  ]);
  if (!isPageInRange(page, subscriptions.pageCount) || !isPageInRange(mutedPage, muted.pageCount)) notFound();
  const locale = isLocale(requestLocale) ? requestLocale : DEFAULT_LOCALE;
  const [rows, mutedRows] = await Promise.all([toSubscriptionRows(subscriptions.items), toSubscriptionRows(muted.items)]);
  const grant = targetTexts("GRANTED", locale);
  const withdraw = targetTexts("WITHDRAWN", locale);

  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumbs trail={[{ href: "/account", label: tAuth("account.title") }]} current={t("title")} />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("intro")}</p>
      <p className="mt-2">
        <TextLink href="/account/consents">{t("historyLink")}</TextLink>
      </p>

      <PreferenceSection id="subscriptions-title" title={t("subscriptions.title")}>
        {subscriptions.total > 0 && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("subscriptions.count", { count: subscriptions.total })}</p>}
        <SubscriptionList rows={rows} total={subscriptions.total} locale={locale} withdrawTexts={withdraw} grantTexts={grant} />
        <Pagination page={page} pageCount={subscriptions.pageCount} hrefForPage={(target) => hrefFor(target, mutedPage)} />
        <h3 className="mt-8 text-lg font-semibold">{t("muted.title")}</h3>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{t("muted.intro")}</p>
        <MutedList rows={mutedRows} locale={locale} grantTexts={grant} />
        <Pagination page={mutedPage} pageCount={muted.pageCount} hrefForPage={(target) => hrefFor(page, target)} />
      </PreferenceSection>

      <PreferenceSection id="personal-title" title={t("personal.title")}>
        <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("personal.intro")}</p>
        <PersonalEventSwitches
          rows={personal}
          locale={locale}
          onText={getConsentText("PERSONAL_NOTIFICATIONS", "GRANTED", locale)}
          offText={getConsentText("PERSONAL_NOTIFICATIONS", "WITHDRAWN", locale)}
        />
      </PreferenceSection>

      <PreferenceSection id="delivery-title" title={t("delivery.title")}>
        <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("delivery.intro")}</p>
        <EmailDeliveryForm {...email} timeZones={timeZoneChoices(email.timeZone)} weekdayNames={weekdayNames(locale)} />
        <h3 className="mt-8 text-lg font-semibold">{t("pause.title")}</h3>
        <PauseEmailControl
          paused={email.paused}
          locale={locale}
          pauseText={getConsentText("ALERT_EMAIL", "WITHDRAWN", locale)}
          resumeText={getConsentText("ALERT_EMAIL", "GRANTED", locale)}
        />
        <h3 className="mt-8 text-lg font-semibold">{t("unsubscribe.title")}</h3>
        <UnsubscribeFromAll locale={locale} texts={withdrawalTexts(locale)} />
      </PreferenceSection>
    </div>
  );
}
