"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { setAlertSubscriptionAction } from "@/app/preferences/alert-actions";
import { buttonClasses } from "@/components/ui/button-styles";
import type { AppLocale } from "@/lib/i18n/locales";
import { ALERT_TARGET_TYPES } from "@/lib/preferences/alert-vocabulary";
import type { SubscriptionRow, TargetTexts } from "./subscription-rows";

type MutedListProps = {
  rows: SubscriptionRow[];
  locale: AppLocale;
  /** GRANTED texts: unmuting (back to Normal) makes the member receive more. */
  grantTexts: TargetTexts;
};

/** Signed in only: what the member muted, each with "Unmute" (back to Normal). */
export function MutedList({ rows, locale, grantTexts }: MutedListProps) {
  const t = useTranslations("preferences.center");
  const te = useTranslations("preferences.errors");
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ failed: boolean; text: string } | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const presentTypes = ALERT_TARGET_TYPES.filter((type) => rows.some((row) => row.targetType === type));

  const unmute = (row: SubscriptionRow) =>
    startTransition(async () => {
      const result = await setAlertSubscriptionAction({
        targetType: row.targetType,
        targetId: row.targetId,
        level: "NORMAL",
        source: "PREFERENCE_CENTER",
        locale,
        textVersions: { GRANTED: grantTexts[row.targetType].version },
      });
      setStatus(result.ok ? { failed: false, text: t("muted.unmuted", { name: row.name }) } : { failed: true, text: result.formError ?? te("unexpected") });
      listRef.current?.focus();
    });

  return (
    <div ref={listRef} tabIndex={-1} className="outline-none">
      {rows.length === 0 ? (
        <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("muted.empty")}</p>
      ) : (
        <>
          <div id={`${id}-texts`} className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
            <p className="font-medium">{t("muted.unmuteMeans")}</p>
            <ul className="mt-1 space-y-1" lang={locale}>
              {presentTypes.map((type) => (
                <li key={type}>
                  <span className="font-medium">{t(`subscriptions.type.${type}`)}:</span> {grantTexts[type].body}
                </li>
              ))}
            </ul>
          </div>
          <ul className="mt-3 divide-y divide-zinc-200 dark:divide-zinc-800">
            {rows.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-medium break-words">
                    <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">{t(`subscriptions.type.${row.targetType}`)} · </span>
                    {row.href ? (
                      <Link href={row.href} className="underline decoration-1 underline-offset-4 hover:decoration-2">
                        {row.name}
                      </Link>
                    ) : (
                      row.name
                    )}
                  </p>
                  <p className="text-sm text-zinc-700 dark:text-zinc-300">{row.chosenSentence}</p>
                </div>
                <button type="button" className={buttonClasses("secondary")} disabled={pending} aria-label={t("muted.unmuteLabel", { name: row.name })} aria-describedby={`${id}-texts`} onClick={() => unmute(row)}>
                  {t("muted.unmute")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status" aria-live="polite" className={`mt-2 min-h-6 text-sm font-medium ${status?.failed ? "text-red-700 dark:text-red-400" : ""}`}>
        {status?.text}
      </p>
    </div>
  );
}
