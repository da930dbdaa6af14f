import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AccountSettingsForm } from "@/components/auth/account-settings-form";
import { MemberControls } from "@/components/membership/member-controls";
import { MemberActiveSanctions } from "@/components/moderation/member-active-sanctions";
import { StatusMessage } from "@/components/membership/status-message";
import { TextLink } from "@/components/ui/text-link";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { requireUser } from "@/server/auth/require-user";
import { getMembershipState } from "@/server/membership/get-membership-state";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("account.title"), robots: { index: false } };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ left?: string | string[] }> }) {
  const user = await requireUser("/account");
  const [t, tm, tp, format, requestLocale, membership, { left }] = await Promise.all([
    getTranslations("auth"),
    getTranslations("membership"),
    getTranslations("preferences.center"),
    getFormatter(),
    getLocale(),
    getMembershipState(user.id),
    searchParams,
  ]);
  const locale = isLocale(requestLocale) ? requestLocale : DEFAULT_LOCALE;
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-semibold">{t("account.title")}</h1>
      <dl className="mt-6">
        <dt className="font-medium">{t("account.emailLabel")}</dt>
        <dd className="mt-1 break-all">{user.email}</dd>
        <dd className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("account.emailNote")}</dd>
      </dl>
      {/* Sanctions in force and recent warnings, with their reasons (nothing when there are none). */}
      <MemberActiveSanctions userId={user.id} />
      <AccountSettingsForm displayName={user.displayName} locale={user.locale} />

      <section aria-labelledby="community-title" className="mt-10 border-t border-zinc-200 pt-8 dark:border-zinc-800">
        <h2 id="community-title" className="text-xl font-semibold">
          {tm("account.sectionTitle")}
        </h2>
        {left === "1" && <StatusMessage>{tm("join.left")}</StatusMessage>}
        {membership.isMember ? (
          <>
            {membership.memberSince && (
              <p className="mt-3 font-medium">{tm("state.memberSince", { date: format.dateTime(membership.memberSince, { dateStyle: "long" }) })}</p>
            )}
            <MemberControls showsOwnerBadge={membership.showsOwnerBadge} locale={locale} source="ACCOUNT_PAGE" headingLevel="h3" />
          </>
        ) : (
          <>
            <p className="mt-3 font-medium">{tm("state.notMember")}</p>
            <p className="mt-1 text-zinc-700 dark:text-zinc-300">
              {tm("state.notMemberNote")} <TextLink href="/join">{tm("state.joinLink")}</TextLink>
            </p>
          </>
        )}
        <ul className="mt-8 space-y-2">
          <li>
            <TextLink href="/account/preferences">{tp("accountLink")}</TextLink>
          </li>
          <li>
            <TextLink href="/account/consents">{tm("account.historyLink")}</TextLink>
          </li>
          <li>
            <TextLink href="/account/data">{tm("account.dataLink")}</TextLink>
          </li>
        </ul>
      </section>
    </div>
  );
}
