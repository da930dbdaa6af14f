import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { FilterField } from "@/components/moderation/filter-field";
import { MemberList } from "@/components/moderation/member-list";
import { buttonClasses } from "@/components/ui/button-styles";
import { Pagination } from "@/components/ui/pagination";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { requireUser } from "@/server/auth/require-user";
import { listMembers } from "@/server/moderation/list-members";
import { requirePermissionOrNotFound } from "@/server/moderation/require-permission-or-not-found";

const MEMBERS_PATH = "/moderation/members";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation.members");
  return { title: t("title") };
}

function pageHref(query: string, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `${MEMBERS_PATH}?${text}` : MEMBERS_PATH;
}

export default async function ModerationMembersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = await requireUser(MEMBERS_PATH);
  await requirePermissionOrNotFound(user.id, "member.view");
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.trim().slice(0, 200) : "";
  const page = parsePageParam(params.page);
  if (page === null) notFound();
  const [t, members] = await Promise.all([getTranslations("moderation.members"), listMembers({ actorId: user.id, query, page })]);
  if (!isPageInRange(page, members.pageCount)) notFound();

  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("intro")}</p>
      <form method="get" action={MEMBERS_PATH} role="search" aria-label={t("title")} className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <FilterField id="members-q" name="q" type="search" label={t("searchLabel")} defaultValue={query} autoComplete="off" spellCheck={false} />
        </div>
        <div>
          <button type="submit" className={buttonClasses("primary")}>
            {t("searchSubmit")}
          </button>
        </div>
      </form>
      <p role="status" className="mt-4 text-sm text-zinc-700 dark:text-zinc-300">
        {t("results", { count: members.total })}
      </p>
      {members.items.length > 0 && <MemberList members={members.items} />}
      <Pagination page={page} pageCount={members.pageCount} hrefForPage={(target) => pageHref(query, target)} />
    </div>
  );
}
