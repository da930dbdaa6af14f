"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { leaveCommunityAction } from "@/app/account/actions";
import { Button } from "@/components/ui/button";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ShownConsentText } from "./shown-consent-text";

type LeaveCommunityFormProps = {
  /** WITHDRAWN text of the membership, always shown. */
  membership: ShownConsentText;
  /** WITHDRAWN text of the badge, shown (and recorded) only while the badge is on. */
  ownerBadge: ShownConsentText | null;
  locale: AppLocale;
  source: "JOIN_PAGE" | "ACCOUNT_PAGE";
  headingLevel: "h2" | "h3";
};

/** Leaving in one step: the withdrawal texts of everything it withdraws, then one button. */
export function LeaveCommunityForm({ membership, ownerBadge, locale, source, headingLevel: Heading }: LeaveCommunityFormProps) {
  const t = useTranslations("membership");
  const [state, action, pending] = useActionState(leaveCommunityAction, null);
  const id = useId();

  return (
    <section aria-labelledby={`${id}-title`} className="mt-8">
      <Heading id={`${id}-title`} className="text-lg font-semibold">
        {t("leave.title")}
      </Heading>
      <form action={action} className="mt-2">
        <div id={`${id}-texts`}>
          <p className="text-zinc-700 dark:text-zinc-300">{t("leave.intro")}</p>
          <ul className="mt-2 max-w-prose list-disc space-y-2 pl-6 text-zinc-700 dark:text-zinc-300">
            <li lang={locale}>{membership.body}</li>
            {ownerBadge && <li lang={locale}>{ownerBadge.body}</li>}
            <li>{t("leave.postsStay")}</li>
          </ul>
        </div>
        <input type="hidden" name="membershipTextVersion" value={membership.version} />
        {ownerBadge && <input type="hidden" name="ownerBadgeTextVersion" value={ownerBadge.version} />}
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="source" value={source} />
        <Button type="submit" variant="secondary" disabled={pending} aria-describedby={`${id}-texts`} className="mt-4">
          {pending ? t("leave.leaving") : t("leave.button")}
        </Button>
        <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200">
          {state && !state.ok ? state.formError : null}
        </p>
      </form>
    </section>
  );
}
