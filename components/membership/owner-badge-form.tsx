"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { setOwnerBadgeAction } from "@/app/account/actions";
import { Button } from "@/components/ui/button";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ShownConsentText } from "./shown-consent-text";

type OwnerBadgeFormProps = {
  shows: boolean;
  /** The text for what the button does: the GRANTED text when off, the WITHDRAWN text when on. */
  text: ShownConsentText;
  locale: AppLocale;
  source: "JOIN_PAGE" | "ACCOUNT_PAGE";
  headingLevel: "h2" | "h3";
};

/**
 * The badge's current state and one button that changes it. A button rather than a checkbox:
 * the text beside it always describes exactly the change it makes, and nothing on the page is
 * ever rendered ticked.
 */
export function OwnerBadgeForm({ shows, text, locale, source, headingLevel: Heading }: OwnerBadgeFormProps) {
  const t = useTranslations("membership");
  const [state, action, pending] = useActionState(setOwnerBadgeAction, null);
  const id = useId();
  const outcome = state?.ok && !pending ? (state.data?.changed ? t(shows ? "badge.nowOn" : "badge.nowOff") : t("badge.unchanged")) : null;

  return (
    <section aria-labelledby={`${id}-title`} className="mt-6">
      <Heading id={`${id}-title`} className="text-lg font-semibold">
        {t("badge.title")}
      </Heading>
      <p className="mt-1 font-medium">{shows ? t("badge.isOn") : t("badge.isOff")}</p>
      <form action={action} className="mt-2">
        <p id={`${id}-text`} lang={locale} className="max-w-prose text-zinc-700 dark:text-zinc-300">
          {text.body}
        </p>
        <input type="hidden" name="show" value={shows ? "off" : "on"} />
        <input type="hidden" name="textVersion" value={text.version} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="source" value={source} />
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={pending} aria-describedby={`${id}-text`}>
            {shows ? t("badge.turnOff") : t("badge.turnOn")}
          </Button>
          <p role="status" className="text-sm font-medium empty:hidden">
            {outcome}
          </p>
        </div>
        <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200">
          {state && !state.ok ? state.formError : null}
        </p>
      </form>
    </section>
  );
}
