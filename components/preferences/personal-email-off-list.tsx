"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { turnOffPersonalEmailByLinkAction } from "@/app/preferences/[token]/actions";
import type { ShownConsentText } from "@/components/membership/shown-consent-text";
import { buttonClasses } from "@/components/ui/button-styles";
import type { AppLocale } from "@/lib/i18n/locales";
import type { PersonalEvent } from "@/lib/preferences/alert-vocabulary";

type PersonalEmailOffListProps = {
  /** Events whose e-mail switch is on: the only ones with something to turn off. */
  events: PersonalEvent[];
  token: string;
  locale: AppLocale;
  /** PERSONAL_NOTIFICATIONS WITHDRAWN, verbatim. */
  offText: ShownConsentText;
};

/** From an e-mail link: the personal e-mails the member receives, each with "Turn off" (never on). */
export function PersonalEmailOffList({ events, token, locale, offText }: PersonalEmailOffListProps) {
  const t = useTranslations("preferences.center.personal");
  const te = useTranslations("preferences.errors");
  const id = useId();
  const [off, setOff] = useState<PersonalEvent[]>([]);
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ failed: boolean; text: string } | null>(null);

  const turnOff = (event: PersonalEvent) =>
    startTransition(async () => {
      const result = await turnOffPersonalEmailByLinkAction({ token, event, locale, textVersions: { WITHDRAWN: offText.version } });
      if (result.ok) setOff((previous) => [...previous, event]);
      setStatus(result.ok ? { failed: false, text: t("now", { event: t(`events.${event}`), channel: t("email"), state: t("off") }) } : { failed: true, text: result.formError ?? te("unexpected") });
    });

  if (events.length === 0) return <p className="mt-3 text-zinc-700 dark:text-zinc-300">{t("linkNone")}</p>;
  return (
    <div>
      <p className="mt-3">{t("linkIntro")}</p>
      <p id={`${id}-text`} lang={locale} className="mt-2 max-w-prose text-sm text-zinc-700 dark:text-zinc-300">
        <span className="font-medium">{t("offMeans")}</span> {offText.body}
      </p>
      <ul className="mt-3 divide-y divide-zinc-200 dark:divide-zinc-800">
        {events.map((event) => (
          <li key={event} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <span>
              {t(`events.${event}`)} — {t("email")}: <span className="font-medium">{off.includes(event) ? t("off") : t("on")}</span>
            </span>
            {!off.includes(event) && (
              <button type="button" className={buttonClasses("secondary")} disabled={pending} aria-label={t("turnOffLabel", { event: t(`events.${event}`) })} aria-describedby={`${id}-text`} onClick={() => turnOff(event)}>
                {t("turnOff")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className={`mt-2 min-h-6 text-sm font-medium ${status?.failed ? "text-red-700 dark:text-red-400" : ""}`}>
        {status?.text}
      </p>
    </div>
  );
}
