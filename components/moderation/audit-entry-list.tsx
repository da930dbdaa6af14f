import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { diffJson } from "@/lib/moderation/json-diff";
import type { AuditEntryView } from "@/server/moderation/list-audit-entries";

/** Audit rows, newest first: who, what, on what, when, why, and the before/after as a field-by-field diff. */
export function AuditEntryList({ entries }: { entries: AuditEntryView[] }) {
  const t = useTranslations("moderation.audit");
  const format = useFormatter();
  return (
    <ol className="mt-4 space-y-3">
      {entries.map((entry) => {
        const diff = diffJson(entry.before, entry.after);
        const headingId = `audit-${entry.id}`;
        return (
          <li key={entry.id}>
            <article aria-labelledby={headingId} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
              <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                <h3 id={headingId} className="font-semibold break-words">
                  <code>{entry.action}</code>{" "}
                  <span className="font-normal">
                    {t("onTarget", { type: entry.targetType })}{" "}
                    {entry.targetType === "member" ? (
                      <Link href={`/moderation/members/${encodeURIComponent(entry.targetId)}`} className="underline underline-offset-4 hover:decoration-2">
                        <code className="break-all">{entry.targetId}</code>
                      </Link>
                    ) : (
                      <code className="break-all">{entry.targetId}</code>
                    )}
                  </span>
                </h3>
                <time dateTime={entry.occurredAt.toISOString()} className="shrink-0 text-sm text-zinc-600 dark:text-zinc-400">
                  {format.dateTime(entry.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}
                </time>
              </div>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-zinc-600 dark:text-zinc-400">{t("actor")}</dt>
                <dd className="min-w-0 break-words">
                  {entry.actor.displayName ?? t("noName")} <span className="text-zinc-600 dark:text-zinc-400">({entry.actor.email})</span>
                </dd>
                {entry.reason && (
                  <>
                    <dt className="text-zinc-600 dark:text-zinc-400">{t("reason")}</dt>
                    <dd className="min-w-0 break-words">{entry.reason}</dd>
                  </>
                )}
                <dt className="text-zinc-600 dark:text-zinc-400">{t("requestId")}</dt>
                <dd className="min-w-0 break-all">
                  <code className="text-xs">{entry.requestId}</code>
                </dd>
              </dl>
              {diff.length > 0 && (
                <div className="mt-3 overflow-x-auto">
                  <table className="w-full min-w-[18rem] text-left text-sm">
                    <caption className="sr-only">{t("diffCaption")}</caption>
                    <thead>
                      <tr className="border-b border-zinc-200 dark:border-zinc-700">
                        <th scope="col" className="py-1 pe-3 font-medium">
                          {t("field")}
                        </th>
                        <th scope="col" className="py-1 pe-3 font-medium">
                          {t("before")}
                        </th>
                        <th scope="col" className="py-1 font-medium">
                          {t("after")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff.map((row) => (
                        <tr key={row.path} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800">
                          <th scope="row" className="py-1 pe-3 font-mono text-xs font-normal break-all">
                            {row.path}
                          </th>
                          <td className="py-1 pe-3 break-all">
                            {row.before === undefined ? (
                              <span className="text-zinc-600 dark:text-zinc-400">{t("none")}</span>
                            ) : (
                              <del className="text-red-800 dark:text-red-300">{row.before}</del>
                            )}
                          </td>
                          <td className="py-1 break-all">
                            {row.after === undefined ? (
                              <span className="text-zinc-600 dark:text-zinc-400">{t("none")}</span>
                            ) : (
                              <ins className="text-green-800 no-underline dark:text-green-300">{row.after}</ins>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
