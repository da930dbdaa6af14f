import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/ui/pagination";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { isDevMailboxEnabled } from "@/server/mail/is-dev-mailbox-enabled";
import { listDevMails } from "@/server/mail/list-dev-mails";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mailbox");
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await connection();
  if (!isDevMailboxEnabled()) notFound();
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();
  const mails = await listDevMails(page);
  if (!isPageInRange(page, mails.pageCount)) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("intro")}</p>
      <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">{t("count", { total: mails.total })}</p>
      {mails.items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">{t("empty")}</p>
      ) : (
        <ol className="mt-4 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {mails.items.map((mail) => (
            <li key={mail.id} className="relative p-3 hover:bg-zinc-50 focus-within:bg-zinc-50 dark:hover:bg-zinc-900 dark:focus-within:bg-zinc-900">
              <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:gap-4">
                <Link
                  href={`/dev/mailbox/${mail.id}`}
                  className="min-w-0 flex-1 font-medium break-words text-brand-700 underline-offset-4 hover:underline dark:text-brand-300"
                >
                  {mail.subject || t("noSubject")}
                </Link>
                <time dateTime={mail.createdAt.toISOString()} className="shrink-0 text-sm text-zinc-600 dark:text-zinc-400">
                  {format.dateTime(mail.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                </time>
              </div>
              <p className="mt-1 text-sm break-all text-zinc-700 dark:text-zinc-300">
                <span className="text-zinc-600 dark:text-zinc-400">{t("toPrefix")} </span>
                {mail.to}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={mails.page} pageCount={mails.pageCount} hrefForPage={(p) => (p === 1 ? "/dev/mailbox" : `/dev/mailbox?page=${p}`)} />
    </>
  );
}
