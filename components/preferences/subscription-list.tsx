"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { stopSubscriptionsAction } from "@/app/account/preferences/actions";
import { setAlertSubscriptionAction } from "@/app/preferences/alert-actions";
import { lowerSubscriptionByLinkAction, stopSubscriptionsByLinkAction } from "@/app/preferences/[token]/actions";
import { buttonClasses } from "@/components/ui/button-styles";
import type { ActionResult } from "@/lib/action-result";
import type { AppLocale } from "@/lib/i18n/locales";
import { ALERT_TARGET_TYPES, isSubscribedLevel, LEVELS_FOR_TARGET, type AlertLevel } from "@/lib/preferences/alert-vocabulary";
import { TARGET_PURPOSE, type SubscriptionRow, type TargetTexts } from "./subscription-rows";

type Status = { failed: boolean; text: string };

type SubscriptionListProps = {
  rows: SubscriptionRow[];
  /** All subscriptions (every page), for "Stop all". */
  total: number;
  locale: AppLocale;
  /** WITHDRAWN texts, shown verbatim once above the list (what Stop and lowering mean). */
  withdrawTexts: TargetTexts;
  /** GRANTED texts for the signed-in "Change" form; absent from an e-mail link (it cannot raise). */
  grantTexts?: TargetTexts;
  /** From an e-mail link: only lowering controls, and the token goes with every action. */
  token?: string;
};

/**
 * "Your subscriptions": each with its target, level, channels and when and where it was chosen,
 * a Stop button and (signed in) a form to change level or e-mail; "Stop all" with a confirmation.
 * From an e-mail link the rows only offer what lowers: Stop, Stop e-mail, Only new threads.
 */
export function SubscriptionList({ rows, total, locale, withdrawTexts, grantTexts, token }: SubscriptionListProps) {
  const t = useTranslations("preferences.center");
  const te = useTranslations("preferences.errors");
  const id = useId();
  const [status, setStatus] = useState<Status | null>(null);
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const presentTypes = ALERT_TARGET_TYPES.filter((type) => rows.some((row) => row.targetType === type));
  const allWithdrawVersions = Object.fromEntries(ALERT_TARGET_TYPES.map((type) => [TARGET_PURPOSE[type], withdrawTexts[type].version]));

  const report = (result: ActionResult<unknown>, success: string) => {
    setStatus(result.ok ? { failed: false, text: success } : { failed: true, text: result.formError ?? te("unexpected") });
    // The row may be gone after the refresh: keep focus in the list rather than on the page's body.
    listRef.current?.focus();
  };

  const stop = (ids: string[] | "all", row?: SubscriptionRow) =>
    startTransition(async () => {
      const textVersions = row ? { [TARGET_PURPOSE[row.targetType]]: withdrawTexts[row.targetType].version } : allWithdrawVersions;
      const input = { subscriptionIds: ids, locale, textVersions };
      const result = token ? await stopSubscriptionsByLinkAction({ ...input, token }) : await stopSubscriptionsAction(input);
      setConfirming(false);
      report(result, row ? t("subscriptions.stopped", { name: row.name }) : t("subscriptions.stoppedAll", { count: result.ok ? (result.data?.stopped ?? 0) : 0 }));
    });

  const lower = (row: SubscriptionRow, change: { level?: AlertLevel; email?: false }, success: string) =>
    startTransition(async () => {
      if (!token) return;
      const result = await lowerSubscriptionByLinkAction({
        token,
        targetType: row.targetType,
        targetId: row.targetId,
        ...change,
        locale,
        textVersions: { WITHDRAWN: withdrawTexts[row.targetType].version },
      });
      report(result, success);
    });

  return (
    <div ref={listRef} tabIndex={-1} className="outline-none">
      {rows.length === 0 ? (
        <p className="mt-3 text-zinc-700 dark:text-zinc-300">{token ? t("subscriptions.emptyLink") : t("subscriptions.empty")}</p>
      ) : (
        <>
          <div id={`${id}-texts`} className="mt-3 rounded-md border border-zinc-200 p-3 text-sm text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
            <p className="font-medium">{t("subscriptions.stopMeansTitle")}</p>
            <ul className="mt-1 space-y-1" lang={locale}>
              {presentTypes.map((type) => (
                <li key={type}>
                  <span className="font-medium">{t(`subscriptions.type.${type}`)}:</span> {withdrawTexts[type].body}
                </li>
              ))}
            </ul>
          </div>
          <ul className="mt-4 space-y-4">
            {rows.map((row) => (
              <li key={row.id} className="rounded-md border border-zinc-300 p-4 dark:border-zinc-700">
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{t(`subscriptions.type.${row.targetType}`)}</p>
                <p className="font-semibold break-words">
                  {row.href ? (
                    <Link href={row.href} className="underline decoration-1 underline-offset-4 hover:decoration-2">
                      {row.name}
                    </Link>
                  ) : (
                    <>
                      {row.name} <span className="font-normal">{t("subscriptions.deletedThread")}</span>
                    </>
                  )}
                </p>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="font-medium">{t("subscriptions.levelLabel")}</dt>
                  <dd>{row.levelLabel}</dd>
                  <dt className="font-medium">{t("subscriptions.channelsLabel")}</dt>
                  <dd>{row.channelsText}</dd>
                </dl>
                <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{row.chosenSentence}</p>
                <div className="mt-3 flex flex-wrap gap-2">
                  {token && row.email && (
                    <button type="button" className={buttonClasses("secondary")} disabled={pending} aria-label={t("subscriptions.emailOffLabel", { name: row.name })} onClick={() => lower(row, { email: false }, t("subscriptions.emailStopped", { name: row.name }))}>
                      {t("subscriptions.emailOff")}
                    </button>
                  )}
                  {token && row.level === "EVERYTHING" && row.targetType !== "thread" && (
                    <button
                      type="button"
                      className={buttonClasses("secondary")}
                      disabled={pending}
                      aria-label={t("subscriptions.lowerToNewThreadsLabel", { name: row.name })}
                      onClick={() => lower(row, { level: "NEW_THREADS" }, t("subscriptions.lowered", { name: row.name }))}
                    >
                      {t("subscriptions.lowerToNewThreads")}
                    </button>
                  )}
                  <button
                    type="button"
                    className={buttonClasses("secondary")}
                    disabled={pending}
                    aria-label={t("subscriptions.stopLabel", { name: row.name })}
                    aria-describedby={`${id}-texts`}
                    onClick={() => stop([row.id], row)}
                  >
                    {t("subscriptions.stop")}
                  </button>
                </div>
                {!token && grantTexts && <ChangeSubscription row={row} locale={locale} grantText={grantTexts[row.targetType]} withdrawText={withdrawTexts[row.targetType]} onDone={report} />}
              </li>
            ))}
          </ul>
          <div className="mt-6">
            {confirming ? (
              <div role="group" aria-labelledby={`${id}-confirm`} className="rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
                <p id={`${id}-confirm`} className="font-medium">
                  {t("subscriptions.stopAllConfirm", { count: total })}
                </p>
                <div className="mt-3 flex flex-wrap gap-3">
                  <button ref={confirmRef} type="button" className={buttonClasses("primary")} disabled={pending} aria-describedby={`${id}-texts`} onClick={() => stop("all")}>
                    {t("subscriptions.stopAllYes")}
                  </button>
                  <button type="button" className={buttonClasses("secondary")} disabled={pending} onClick={() => setConfirming(false)}>
                    {t("cancel")}
                  </button>
                </div>
              </div>
            ) : (
              <button
                type="button"
                className={buttonClasses("secondary")}
                onClick={() => {
                  setStatus(null);
                  setConfirming(true);
                }}
              >
                {t("subscriptions.stopAll")}
              </button>
            )}
          </div>
        </>
      )}
      <p role="status" aria-live="polite" className={`mt-3 min-h-6 text-sm font-medium ${status?.failed ? "text-red-700 dark:text-red-400" : ""}`}>
        {status?.text}
      </p>
    </div>
  );
}

type ChangeSubscriptionProps = {
  row: SubscriptionRow;
  locale: AppLocale;
  grantText: { version: number; body: string };
  withdrawText: { version: number; body: string };
  onDone: (result: ActionResult<unknown>, success: string) => void;
};

/** Signed in: another level or e-mail on/off for one subscription, through the Watch menu's action. */
function ChangeSubscription({ row, locale, grantText, withdrawText, onDone }: ChangeSubscriptionProps) {
  const t = useTranslations("preferences");
  const id = useId();
  const [level, setLevel] = useState<AlertLevel>(row.level);
  const [email, setEmail] = useState(row.email);
  const [pending, startTransition] = useTransition();
  const subscribed = isSubscribedLevel(level);

  const save = () =>
    startTransition(async () => {
      const result = await setAlertSubscriptionAction({
        targetType: row.targetType,
        targetId: row.targetId,
        level,
        ...(subscribed ? { email } : {}),
        source: "PREFERENCE_CENTER",
        locale,
        textVersions: { GRANTED: grantText.version, WITHDRAWN: withdrawText.version },
      });
      onDone(result, t("center.subscriptions.saved", { name: row.name }));
    });

  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline underline-offset-4 dark:text-brand-300" aria-label={t("center.subscriptions.changeLabel", { name: row.name })}>
        {t("center.subscriptions.change")}
      </summary>
      <form
        className="mt-3 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div className="flex flex-wrap gap-4">
          <div>
            <label htmlFor={`${id}-level`} className="block text-sm font-medium">
              {t("center.subscriptions.levelLabel")}
            </label>
            <select
              id={`${id}-level`}
              value={level}
              onChange={(event) => setLevel(event.target.value as AlertLevel)}
              className="mt-1 rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-500 dark:bg-zinc-900"
            >
              {LEVELS_FOR_TARGET[row.targetType].map((value) => (
                <option key={value} value={value}>
                  {t(`watch.levels.${row.targetType}.${value}.label`)}
                </option>
              ))}
            </select>
          </div>
          {subscribed && (
            <div>
              <label htmlFor={`${id}-email`} className="block text-sm font-medium">
                {t("center.subscriptions.emailLabel")}
              </label>
              <select
                id={`${id}-email`}
                value={email ? "on" : "off"}
                onChange={(event) => setEmail(event.target.value === "on")}
                className="mt-1 rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-500 dark:bg-zinc-900"
              >
                <option value="off">{t("center.subscriptions.emailOffOption")}</option>
                <option value="on">{t("center.subscriptions.emailOn")}</option>
              </select>
            </div>
          )}
        </div>
        {!subscribed && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("center.subscriptions.emailNeedsLevel")}</p>}
        <div id={`${id}-texts`} className="space-y-1 text-sm text-zinc-700 dark:text-zinc-300">
          <p>
            <span className="font-medium">{t("center.subscriptions.ifMore")}</span> <span lang={locale}>{grantText.body}</span>
          </p>
          <p>
            <span className="font-medium">{t("center.subscriptions.ifLess")}</span> <span lang={locale}>{withdrawText.body}</span>
          </p>
        </div>
        <button type="submit" className={buttonClasses("secondary")} disabled={pending} aria-describedby={`${id}-texts`}>
          {t("center.subscriptions.save")}
        </button>
      </form>
    </details>
  );
}
