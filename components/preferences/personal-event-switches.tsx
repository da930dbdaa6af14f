"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { setPersonalChannelAction } from "@/app/account/preferences/actions";
import type { ShownConsentText } from "@/components/membership/shown-consent-text";
import type { AppLocale } from "@/lib/i18n/locales";
import type { PersonalEvent } from "@/lib/preferences/alert-vocabulary";
import { PreferenceSwitch } from "./preference-switch";
import { useSavedSwitch } from "./use-saved-switch";

type Channel = "inApp" | "email";
type Row = { event: PersonalEvent; inApp: boolean; email: boolean };
type Status = { tone: "done" | "failed"; text: string };

type PersonalEventSwitchesProps = {
  rows: Row[];
  locale: AppLocale;
  /** PERSONAL_NOTIFICATIONS texts, shown verbatim above the table: GRANTED (on) and WITHDRAWN (off). */
  onText: ShownConsentText;
  offText: ShownConsentText;
};

/**
 * "Things that concern you": every personal event × in-app / e-mail, each an optimistic switch
 * (rolled back if refused), results announced in one polite live region under the table.
 */
export function PersonalEventSwitches({ rows, locale, onText, offText }: PersonalEventSwitchesProps) {
  const t = useTranslations("preferences.center.personal");
  const te = useTranslations("preferences.errors");
  const id = useId();
  const [status, setStatus] = useState<Status | null>(null);

  return (
    <div>
      <div id={`${id}-texts`} className="mt-4 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
        <p>
          <span className="font-medium">{t("onMeans")}</span> <span lang={locale}>{onText.body}</span>
        </p>
        <p>
          <span className="font-medium">{t("offMeans")}</span> <span lang={locale}>{offText.body}</span>
        </p>
      </div>
      <table className="mt-4 w-full border-collapse text-left">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="border-b border-zinc-300 dark:border-zinc-700">
            <th scope="col" className="py-2 pr-2 font-semibold">
              {t("eventColumn")}
            </th>
            <th scope="col" className="w-20 px-1 py-2 text-center text-sm font-semibold sm:w-32">
              {t("inApp")}
            </th>
            <th scope="col" className="w-20 px-1 py-2 text-center text-sm font-semibold sm:w-32">
              {t("email")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.event} className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="row" className="py-3 pr-2 font-normal">
                {t(`events.${row.event}`)}
              </th>
              {(["inApp", "email"] as const).map((channel) => (
                <td key={channel} className="px-1 py-3 text-center">
                  <ChannelSwitch
                    event={row.event}
                    channel={channel}
                    saved={row[channel]}
                    locale={locale}
                    onText={onText}
                    offText={offText}
                    describedBy={`${id}-texts`}
                    onStatus={(next) => setStatus(next ?? { tone: "failed", text: te("unexpected") })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" aria-live="polite" className={`mt-3 min-h-6 text-sm font-medium ${status?.tone === "failed" ? "text-red-700 dark:text-red-400" : ""}`}>
        {status?.text}
      </p>
    </div>
  );
}

type ChannelSwitchProps = {
  event: PersonalEvent;
  channel: Channel;
  saved: boolean;
  locale: AppLocale;
  onText: ShownConsentText;
  offText: ShownConsentText;
  describedBy: string;
  onStatus: (status: Status | null) => void;
};

function ChannelSwitch({ event, channel, saved, locale, onText, offText, describedBy, onStatus }: ChannelSwitchProps) {
  const t = useTranslations("preferences.center.personal");
  const eventName = t(`events.${event}`);
  const channelName = t(channel);
  const { on, set } = useSavedSwitch({
    queryKey: ["personalEvent", event, channel],
    initial: saved,
    send: async (next) => {
      const result = await setPersonalChannelAction({ event, channel, on: next, locale, textVersions: next ? { GRANTED: onText.version } : { WITHDRAWN: offText.version } });
      return result.ok && result.data ? { ok: true, on: result.data[channel] } : { ok: false, message: result.ok ? undefined : result.formError };
    },
    onSaved: (value) => onStatus({ tone: "done", text: t("now", { event: eventName, channel: channelName, state: value ? t("on") : t("off") }) }),
    onFailed: (message) => onStatus(message ? { tone: "failed", text: message } : null),
  });
  return <PreferenceSwitch checked={on} onChange={set} channel={channel} label={t("switchLabel", { event: eventName, channel: channelName })} aria-describedby={describedBy} />;
}
