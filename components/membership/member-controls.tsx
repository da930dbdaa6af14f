import { getConsentText } from "@/lib/consent/consent-texts";
import type { AppLocale } from "@/lib/i18n/locales";
import { LeaveCommunityForm } from "./leave-community-form";
import { OwnerBadgeForm } from "./owner-badge-form";

type MemberControlsProps = {
  showsOwnerBadge: boolean;
  locale: AppLocale;
  source: "JOIN_PAGE" | "ACCOUNT_PAGE";
  headingLevel: "h2" | "h3";
};

/** What a member can change: the badge, and leaving. Texts come from the consent catalog. */
export function MemberControls({ showsOwnerBadge, locale, source, headingLevel }: MemberControlsProps) {
  const badgeText = getConsentText("OWNER_BADGE", showsOwnerBadge ? "WITHDRAWN" : "GRANTED", locale);
  return (
    <>
      <OwnerBadgeForm shows={showsOwnerBadge} text={badgeText} locale={locale} source={source} headingLevel={headingLevel} />
      <LeaveCommunityForm
        membership={getConsentText("COMMUNITY_MEMBERSHIP", "WITHDRAWN", locale)}
        ownerBadge={showsOwnerBadge ? getConsentText("OWNER_BADGE", "WITHDRAWN", locale) : null}
        locale={locale}
        source={source}
        headingLevel={headingLevel}
      />
    </>
  );
}
