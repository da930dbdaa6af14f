"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { unsubscribeFromAllAction } from "@/app/account/preferences/actions";
import { unsubscribeFromAllByLinkAction } from "@/app/preferences/[token]/actions";
import type { ShownConsentText } from "@/components/membership/shown-consent-text";
import { Button } from "@/components/ui/button";
import { buttonClasses } from "@/components/ui/button-styles";
import type { AppLocale } from "@/lib/i18n/locales";

export type WithdrawalTexts = Record<"PRODUCT_ALERTS" | "CATEGORY_ALERTS" | "THREAD_ALERTS" | "PERSONAL_NOTIFICATIONS", ShownConsentText>;

type UnsubscribeFromAllProps = {
  locale: AppLocale;
  /** The WITHDRAWN text of each kind of alert: each switch turned off is ledgered with its own. */
  texts: WithdrawalTexts;
  /** From an e-mail link: the token goes with the action. */
  token?: string;
};

/**
 * "Unsubscribe from everything": a plain, visible button, then a confirmation (focus moves to it;
 * Cancel brings it back). E-mail goes off everywhere; in-app alerts and levels stay.
 */
export function UnsubscribeFromAll({ locale, texts, token }: UnsubscribeFromAllProps) {
  const t = useTranslations("preferences.center");
  const te = useTranslations("preferences.errors");
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ failed: boolean; text: string } | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const textVersions = Object.fromEntries(Object.entries(texts).map(([purpose, text]) => [purpose, text.version]));
  const confirm = () =>
    startTransition(async () => {
      const input = { locale, textVersions };
      const result = token ? await unsubscribeFromAllByLinkAction({ ...input, token }) : await unsubscribeFromAllAction(input);
      setConfirming(false);
      setStatus(result.ok ? { failed: false, text: t("unsubscribe.done", { count: result.data?.withdrawn ?? 0 }) } : { failed: true, text: result.formError ?? te("unexpected") });
    });

  return (
    <div className="mt-4">
      <p className="max-w-prose">{t("unsubscribe.intro")}</p>
      <div id={`${id}-texts`} className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        <p className="font-medium">{t("unsubscribe.textsTitle")}</p>
        <ul className="mt-1 list-disc space-y-1 pl-5" lang={locale}>
          {Object.entries(texts).map(([purpose, text]) => (
            <li key={purpose}>{text.body}</li>
          ))}
        </ul>
      </div>
      {confirming ? (
        <div role="group" aria-labelledby={`${id}-confirm`} className="mt-3 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
          <p id={`${id}-confirm`} className="font-medium">
            {t("unsubscribe.confirm")}
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <button ref={confirmRef} type="button" className={buttonClasses("primary")} onClick={confirm} disabled={pending} aria-describedby={`${id}-texts`}>
              {t("unsubscribe.yes")}
            </button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <button
          ref={openRef}
          type="button"
          className={buttonClasses("primary", "mt-3")}
          onClick={() => {
            setStatus(null);
            setConfirming(true);
          }}
        >
          {t("unsubscribe.button")}
        </button>
      )}
      <p role="status" aria-live="polite" className={`mt-2 min-h-6 text-sm font-medium ${status?.failed ? "text-red-700 dark:text-red-400" : ""}`}>
        {status?.text}
      </p>
    </div>
  );
}
