import { useFormatter, useTranslations } from "next-intl";
import type { ConsentHistoryEntry } from "@/server/membership/list-consent-history";

const SHORT_HASH_LENGTH = 12;

/** Ledger rows, newest first; each can be expanded to the exact text the person was shown. */
export function ConsentHistoryList({ entries }: { entries: ConsentHistoryEntry[] }) {
  const t = useTranslations("membership.history");
  const format = useFormatter();
  return (
    <ol className="mt-6 space-y-4">
      {entries.map((entry) => (
        <li key={entry.id}>
          <article aria-labelledby={`consent-${entry.id}`} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              <h2 id={`consent-${entry.id}`} className="font-semibold">
                {t("entryTitle", { purpose: t(`purposes.${entry.purpose}`), action: t(`actions.${entry.action}`) })}
              </h2>
              <time dateTime={entry.occurredAt.toISOString()} className="shrink-0 text-sm text-zinc-600 dark:text-zinc-400">
                {format.dateTime(entry.occurredAt, { dateStyle: "long", timeStyle: "medium" })}
              </time>
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-zinc-600 dark:text-zinc-400">{t("source")}</dt>
              <dd>{t(`sources.${entry.source}`)}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">{t("channel")}</dt>
              <dd>{t(`channels.${entry.channel}`)}</dd>
              <dt className="text-zinc-600 dark:text-zinc-400">{t("language")}</dt>
              <dd>{t(`locales.${entry.locale}`)}</dd>
              {entry.scope && (
                <>
                  <dt className="text-zinc-600 dark:text-zinc-400">{t("scope")}</dt>
                  <dd className="break-all">{entry.scope}</dd>
                </>
              )}
              {entry.reason && (
                <>
                  <dt className="text-zinc-600 dark:text-zinc-400">{t("reason")}</dt>
                  <dd>{entry.reason}</dd>
                </>
              )}
            </dl>
            {entry.recordedByOther && <p className="mt-2 text-sm">{t("recordedByOther")}</p>}
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
                {t("textShown")} · {t("version", { version: entry.textVersion })} · <code>{entry.textSha256.slice(0, SHORT_HASH_LENGTH)}</code>
              </summary>
              <blockquote lang={entry.locale} className="mt-2 border-l-4 border-zinc-300 pl-3 text-zinc-800 dark:border-zinc-600 dark:text-zinc-200">
                {entry.textBody}
              </blockquote>
              <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
                {t("fingerprint")} <code className="break-all">{entry.textSha256}</code>
                <br />
                {t("fingerprintNote")}
              </p>
            </details>
          </article>
        </li>
      ))}
    </ol>
  );
}
