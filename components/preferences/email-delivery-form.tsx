"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState, useTransition } from "react";
import { setEmailDeliveryAction } from "@/app/account/preferences/actions";
import { Button } from "@/components/ui/button";
import { EMAIL_FREQUENCIES, type EmailFrequency } from "@/lib/preferences/alert-vocabulary";

type EmailDeliveryFormProps = {
  frequency: EmailFrequency;
  digestHour: number;
  digestWeekday: number;
  timeZone: string;
  /** false while nothing was ever saved: the browser's time zone is proposed instead of the default. */
  saved: boolean;
  /** IANA zones to choose from (rendered by the server, so server and browser agree). */
  timeZones: string[];
  /** Names of ISO weekdays 1–7 in the page's language. */
  weekdayNames: string[];
};

const selectClasses =
  "mt-1 block w-full max-w-xs rounded-md border border-zinc-400 bg-white px-3 py-2 text-zinc-900 dark:border-zinc-500 dark:bg-zinc-900 dark:text-zinc-100";

/** How often alert e-mails go out: immediately, or a daily or weekly digest at a local hour. */
export function EmailDeliveryForm({ frequency: savedFrequency, digestHour, digestWeekday, timeZone: savedZone, saved, timeZones, weekdayNames }: EmailDeliveryFormProps) {
  const t = useTranslations("preferences.center.delivery");
  const te = useTranslations("preferences.errors");
  const id = useId();
  const [frequency, setFrequency] = useState<EmailFrequency>(savedFrequency);
  const [hour, setHour] = useState(digestHour);
  const [weekday, setWeekday] = useState(digestWeekday);
  const [zone, setZone] = useState(savedZone);
  const [proposed, setProposed] = useState(false);
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ failed: boolean; text: string } | null>(null);

  // Nothing saved yet: propose the browser's zone (after hydration, so server and client HTML match).
  useEffect(() => {
    if (saved) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone && browserZone !== savedZone && timeZones.includes(browserZone)) {
      setZone(browserZone);
      setProposed(true);
    }
  }, [saved, savedZone, timeZones]);

  const save = () =>
    startTransition(async () => {
      const result = await setEmailDeliveryAction({ frequency, digestHour: hour, digestWeekday: weekday, timeZone: zone });
      if (result.ok) setProposed(false);
      setStatus(result.ok ? { failed: false, text: t("saved") } : { failed: true, text: result.formError ?? te("unexpected") });
    });

  return (
    <form
      className="mt-4 space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div>
        <label htmlFor={`${id}-frequency`} className="font-medium">
          {t("frequency")}
        </label>
        <select id={`${id}-frequency`} value={frequency} onChange={(event) => setFrequency(event.target.value as EmailFrequency)} className={selectClasses}>
          {EMAIL_FREQUENCIES.map((value) => (
            <option key={value} value={value}>
              {t(`frequencies.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {frequency !== "IMMEDIATE" && (
        <div>
          <label htmlFor={`${id}-hour`} className="font-medium">
            {t("hour")}
          </label>
          <select id={`${id}-hour`} value={hour} onChange={(event) => setHour(Number(event.target.value))} className={selectClasses}>
            {Array.from({ length: 24 }, (_, value) => (
              <option key={value} value={value}>
                {`${String(value).padStart(2, "0")}:00`}
              </option>
            ))}
          </select>
        </div>
      )}
      {frequency === "WEEKLY" && (
        <div>
          <label htmlFor={`${id}-weekday`} className="font-medium">
            {t("weekday")}
          </label>
          <select id={`${id}-weekday`} value={weekday} onChange={(event) => setWeekday(Number(event.target.value))} className={selectClasses}>
            {weekdayNames.map((name, index) => (
              <option key={name} value={index + 1}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor={`${id}-zone`} className="font-medium">
          {t("timeZone")}
        </label>
        <select
          id={`${id}-zone`}
          value={zone}
          onChange={(event) => {
            setZone(event.target.value);
            setProposed(false);
          }}
          aria-describedby={proposed ? `${id}-proposed` : undefined}
          className={selectClasses}
        >
          {timeZones.map((value) => (
            <option key={value} value={value}>
              {value.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        {proposed && (
          <p id={`${id}-proposed`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {t("browserZone")}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("save")}
        </Button>
        <p role="status" aria-live="polite" className={`text-sm font-medium ${status?.failed ? "text-red-700 dark:text-red-400" : ""}`}>
          {status?.text}
        </p>
      </div>
    </form>
  );
}
