"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { setEmailPausedAction } from "@/app/account/preferences/actions";
import { pauseEmailByLinkAction } from "@/app/preferences/[token]/actions";
import type { ShownConsentText } from "@/components/membership/shown-consent-text";
import { Button } from "@/components/ui/button";
import type { AppLocale } from "@/lib/i18n/locales";
import { PreferenceSwitch } from "./preference-switch";
import { useSavedSwitch } from "./use-saved-switch";

type PauseEmailControlProps = {
  paused: boolean;
  locale: AppLocale;
  /** ALERT_EMAIL texts, verbatim: WITHDRAWN beside pausing, GRANTED beside resuming. */
  pauseText: ShownConsentText;
  resumeText: ShownConsentText;
  /** From an e-mail link: only pausing is offered, and the token goes with the action. */
  token?: string;
};

/** "Pause all e-mail": a switch when signed in; from an e-mail link, a button that only pauses. */
export function PauseEmailControl(props: PauseEmailControlProps) {
  return props.token ? <PauseByLink {...props} token={props.token} /> : <PauseSwitch {...props} />;
}

function PauseSwitch({ paused, locale, pauseText, resumeText }: PauseEmailControlProps) {
  const t = useTranslations("preferences.center.pause");
  const te = useTranslations("preferences.errors");
  const id = useId();
  const [status, setStatus] = useState<{ failed: boolean; text: string } | null>(null);
  const { on, set } = useSavedSwitch({
    queryKey: ["emailPaused"],
    initial: paused,
    send: async (next) => {
      const result = await setEmailPausedAction({ paused: next, locale, textVersions: next ? { WITHDRAWN: pauseText.version } : { GRANTED: resumeText.version } });
      return result.ok && result.data ? { ok: true, on: result.data.paused } : { ok: false, message: result.ok ? undefined : result.formError };
    },
    onSaved: (value) => setStatus({ failed: false, text: value ? t("pausedNow") : t("resumedNow") }),
    onFailed: (message) => setStatus({ failed: true, text: message ?? te("unexpected") }),
  });
  return (
    <div className="mt-4">
      <div className="flex items-center gap-3">
        <PreferenceSwitch checked={on} onChange={set} channel="paused" aria-labelledby={`${id}-label`} aria-describedby={`${id}-texts`} />
        <span id={`${id}-label`} className="font-medium">
          {t("label")}
        </span>
      </div>
      <p className="mt-2 text-sm">{on ? t("isPaused") : t("notPaused")}</p>
      <div id={`${id}-texts`} className="mt-2 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
        <p>
          <span className="font-medium">{t("onMeans")}</span> <span lang={locale}>{pauseText.body}</span>
        </p>
        <p>
          <span className="font-medium">{t("offMeans")}</span> <span lang={locale}>{resumeText.body}</span>
        </p>
      </div>
      <p role="status" aria-live="polite" className={`mt-2 min-h-6 text-sm font-medium ${status?.failed ? "text-red-700 dark:text-red-400" : ""}`}>
        {status?.text}
      </p>
    </div>
  );
}

function PauseByLink({ paused, locale, pauseText, token }: PauseEmailControlProps & { token: string }) {
  const t = useTranslations("preferences.center.pause");
  const te = useTranslations("preferences.errors");
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ failed: boolean; text: string } | null>(null);
  const [done, setDone] = useState(paused);
  const pause = () =>
    startTransition(async () => {
      const result = await pauseEmailByLinkAction({ token, locale, textVersions: { WITHDRAWN: pauseText.version } });
      if (result.ok) setDone(true);
      setStatus(result.ok ? { failed: false, text: t("pausedNow") } : { failed: true, text: result.formError ?? te("unexpected") });
    });
  return (
    <div className="mt-4">
      {done ? (
        <p className="font-medium">{t("isPaused")}</p>
      ) : (
        <>
          <p className="text-sm">{t("notPaused")}</p>
          <p id={`${id}-text`} lang={locale} className="mt-2 max-w-prose text-sm text-zinc-700 dark:text-zinc-300">
            {pauseText.body}
          </p>
          <Button variant="secondary" className="mt-3" disabled={pending} aria-describedby={`${id}-text`} onClick={pause}>
            {t("linkButton")}
          </Button>
        </>
      )}
      <p role="status" aria-live="polite" className={`mt-2 min-h-6 text-sm font-medium ${status?.failed ? "text-red-700 dark:text-red-400" : ""}`}>
        {status?.text}
      </p>
    </div>
  );
}
