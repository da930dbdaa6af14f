import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pagination } from "@/components/ui/pagination";
import { ConsentHistoryList } from "@/components/membership/consent-history-list";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { requireUser } from "@/server/auth/require-user";
import { listConsentHistory } from "@/server/membership/list-consent-history";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("membership");
  return { title: t("history.title"), robots: { index: false } };
}

export default async function ConsentHistoryPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await connection();
  const user = await requireUser("/account/consents");
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();
  const history = await listConsentHistory(user.id, page);
  if (!isPageInRange(page, history.pageCount)) notFound();
  const [t, tAuth] = await Promise.all([getTranslations("membership"), getTranslations("auth")]);

  return (
    <div className="mx-auto max-w-2xl">
      <Breadcrumbs trail={[{ href: "/account", label: tAuth("account.title") }]} current={t("history.title")} />
      <h1 className="text-2xl font-semibold">{t("history.title")}</h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("history.intro")}</p>
      <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">{t("history.count", { total: history.total })}</p>
      {history.items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">{t("history.empty")}</p>
      ) : (
        <ConsentHistoryList entries={history.items} />
      )}
      <Pagination page={history.page} pageCount={history.pageCount} hrefForPage={(p) => (p === 1 ? "/account/consents" : `/account/consents?page=${p}`)} />
    </div>
  );
}
