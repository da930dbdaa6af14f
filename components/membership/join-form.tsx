"use client";

import { startTransition, useActionState, useId, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { joinCommunityAction } from "@/app/join/actions";
import { Button } from "@/components/ui/button";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ShownConsentText } from "./shown-consent-text";

type JoinFormProps = {
  community: ShownConsentText;
  ownerBadge: ShownConsentText;
  /** The language the texts are in: recorded with the choice. */
  locale: AppLocale;
  fromInvitation: boolean;
};

const choiceClasses = "rounded-lg border border-zinc-300 p-4 dark:border-zinc-700";
const checkboxClasses = "mt-1 size-5 shrink-0 accent-brand-600 dark:accent-brand-400";

/**
 * Two separate, unticked choices. Each label IS the consent text from the catalog, verbatim,
 * so the hash the ledger records is the hash of what the person read next to the box.
 */
export function JoinForm({ community, ownerBadge, locale, fromInvitation }: JoinFormProps) {
  const t = useTranslations("membership");
  const [state, action, pending] = useActionState(joinCommunityAction, null);
  const id = useId();
  const badgeError = state && !state.ok ? state.fieldErrors?.ownerBadge?.join(" ") : undefined;
  const otherErrors = state && !state.ok ? [state.formError, ...Object.entries(state.fieldErrors ?? {}).filter(([field]) => field !== "ownerBadge").flatMap(([, messages]) => messages)].filter(Boolean).join(" ") : "";

  // Submit without React's automatic form reset, so boxes the person ticked stay ticked when the
  // server asks them to correct something. Without JavaScript the form still posts normally.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <form action={action} onSubmit={submit} noValidate className="mt-8">
      <fieldset aria-describedby={`${id}-hint`} className="space-y-4">
        <legend className="text-lg font-semibold">{t("join.choicesLegend")}</legend>
        <p id={`${id}-hint`} className="text-sm text-zinc-700 dark:text-zinc-300">
          {t("join.choicesHint")}
        </p>

        <div className={choiceClasses}>
          <p className="font-medium">
            {t("join.communityTitle")} <span className="font-normal text-zinc-600 dark:text-zinc-400">· {t("join.communityNote")}</span>
          </p>
          <label className="mt-2 flex gap-3">
            <input type="checkbox" name="community" value="yes" className={checkboxClasses} />
            <span lang={locale}>{community.body}</span>
          </label>
        </div>

        <div className={choiceClasses}>
          <p className="font-medium">
            {t("join.ownerBadgeTitle")} <span className="font-normal text-zinc-600 dark:text-zinc-400">· {t("join.ownerBadgeNote")}</span>
          </p>
          <label className="mt-2 flex gap-3">
            <input
              type="checkbox"
              name="ownerBadge"
              value="yes"
              aria-invalid={badgeError ? true : undefined}
              aria-describedby={`${id}-badge-error`}
              className={checkboxClasses}
            />
            <span lang={locale}>{ownerBadge.body}</span>
          </label>
          <p id={`${id}-badge-error`} aria-live="polite" className="mt-2 text-sm font-medium text-red-700 empty:hidden dark:text-red-400">
            {badgeError}
          </p>
        </div>
      </fieldset>

      <input type="hidden" name="communityTextVersion" value={community.version} />
      <input type="hidden" name="ownerBadgeTextVersion" value={ownerBadge.version} />
      <input type="hidden" name="locale" value={locale} />
      {fromInvitation && <input type="hidden" name="from" value="invitation" />}

      <div className="mt-6 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("join.saving") : t("join.submit")}
        </Button>
        <p role="status" className="text-sm font-medium empty:hidden">
          {state?.ok && !pending ? t("join.nothingChanged") : null}
        </p>
      </div>
      <p role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200">
        {otherErrors}
      </p>
    </form>
  );
}
