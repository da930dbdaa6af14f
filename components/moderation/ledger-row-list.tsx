import { useFormatter, useTranslations } from "next-intl";
import type { LedgerRowView } from "@/server/moderation/search-consent-ledger";

/** Ledger rows for the data-protection role: every recorded field and the exact text shown. */
export function LedgerRowList({ rows }: { rows: LedgerRowView[] }) {
  const t = useTranslations("moderation.ledger");
  const format = useFormatter();
  return (
    <ol className="mt-4 space-y-3">
      {rows.map((row) => {
        const headingId = `ledger-${row.id}`;
        return (
          <li key={row.id}>
            <article aria-labelledby={headingId} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
              <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                <h3 id={headingId} className="font-semibold break-words">
                  <code>{row.purpose}</code> · <code>{row.action}</code> ·{" "}
                  <span className="font-normal">{row.subject.displayName ?? t("noName")}</span>
                </h3>
                <time dateTime={row.occurredAt.toISOString()} className="shrink-0 text-sm text-zinc-600 dark:text-zinc-400">
                  {format.dateTime(row.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}
                </time>
              </div>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-zinc-600 dark:text-zinc-400">{t("member")}</dt>
                <dd className="min-w-0 break-all">
                  {row.subject.email} <span className="text-zinc-600 dark:text-zinc-400">({row.subject.id})</span>
                </dd>
                <dt className="text-zinc-600 dark:text-zinc-400">{t("source")}</dt>
                <dd>
                  <code>{row.source}</code>
                </dd>
                <dt className="text-zinc-600 dark:text-zinc-400">{t("channel")}</dt>
                <dd>
                  <code>{row.channel}</code>
                </dd>
                {row.scope && (
                  <>
                    <dt className="text-zinc-600 dark:text-zinc-400">{t("scope")}</dt>
                    <dd className="min-w-0 break-all">{row.scope}</dd>
                  </>
                )}
                {row.detail && (
                  <>
                    <dt className="text-zinc-600 dark:text-zinc-400">{t("detail")}</dt>
                    <dd className="min-w-0 break-words">
                      <code>{row.detail}</code>
                    </dd>
                  </>
                )}
                {row.actor && (
                  <>
                    <dt className="text-zinc-600 dark:text-zinc-400">{t("recordedBy")}</dt>
                    <dd className="min-w-0 break-words">
                      {row.actor.displayName ?? t("noName")} <span className="text-zinc-600 dark:text-zinc-400">({row.actor.id})</span>
                    </dd>
                  </>
                )}
                {row.reason && (
                  <>
                    <dt className="text-zinc-600 dark:text-zinc-400">{t("reason")}</dt>
                    <dd className="min-w-0 break-words">{row.reason}</dd>
                  </>
                )}
                <dt className="text-zinc-600 dark:text-zinc-400">{t("version")}</dt>
                <dd>
                  {row.textVersion} ({row.locale})
                </dd>
                <dt className="text-zinc-600 dark:text-zinc-400">{t("hash")}</dt>
                <dd className="min-w-0 break-all">
                  <code className="text-xs">{row.textSha256}</code>
                </dd>
                <dt className="text-zinc-600 dark:text-zinc-400">{t("requestId")}</dt>
                <dd className="min-w-0 break-all">
                  <code className="text-xs">{row.requestId}</code>
                </dd>
              </dl>
              <p className="mt-3 text-sm font-medium">{t("textShown")}</p>
              <blockquote lang={row.locale} className="mt-1 border-s-4 border-zinc-300 ps-3 text-zinc-800 dark:border-zinc-600 dark:text-zinc-200">
                {row.textBody}
              </blockquote>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
