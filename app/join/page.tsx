import type { Metadata } from "next";
import { connection } from "next/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { JoinForm } from "@/components/membership/join-form";
import { MemberControls } from "@/components/membership/member-controls";
import { StatusMessage } from "@/components/membership/status-message";
import { getConsentText } from "@/lib/consent/consent-texts";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { requireUser } from "@/server/auth/require-user";
import { getShopName } from "@/server/catalog/get-shop-name";
import { getMembershipState } from "@/server/membership/get-membership-state";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("membership");
  return { title: t("join.title"), robots: { index: false } };
}

type JoinPageProps = { searchParams: Promise<{ from?: string | string[]; joined?: string | string[]; left?: string | string[] }> };

export default async function JoinPage({ searchParams }: JoinPageProps) {
  await connection();
  const params = await searchParams;
  const fromInvitation = params.from === "invitation";
  const user = await requireUser(fromInvitation ? "/join?from=invitation" : "/join");
  const [state, t, format, requestLocale] = await Promise.all([getMembershipState(user.id), getTranslations("membership"), getFormatter(), getLocale()]);
  const locale = isLocale(requestLocale) ? requestLocale : DEFAULT_LOCALE;
  const shopName = getShopName();

  const about = (
    <>
      <p className="mt-4 max-w-prose text-zinc-700 dark:text-zinc-300">{t("join.whatItIs", { shopName })}</p>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("join.whoRunsIt", { shopName })}</p>
    </>
  );

  if (state.isMember) {
    return (
      <div className="mx-auto max-w-2xl">
        <h1 className="text-2xl font-semibold">{t("join.memberTitle")}</h1>
        {params.joined === "1" && <StatusMessage>{t("join.welcome")}</StatusMessage>}
        {state.memberSince && (
          <p className="mt-4 font-medium">{t("state.memberSince", { date: format.dateTime(state.memberSince, { dateStyle: "long" }) })}</p>
        )}
        {about}
        <MemberControls showsOwnerBadge={state.showsOwnerBadge} locale={locale} source="JOIN_PAGE" headingLevel="h2" />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold">{t("join.title")}</h1>
      {params.left === "1" && <StatusMessage>{t("join.left")}</StatusMessage>}
      {about}
      {fromInvitation && <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("join.fromInvitation")}</p>}
      <JoinForm
        community={getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", locale)}
        ownerBadge={getConsentText("OWNER_BADGE", "GRANTED", locale)}
        locale={locale}
        fromInvitation={fromInvitation}
      />
    </div>
  );
}
