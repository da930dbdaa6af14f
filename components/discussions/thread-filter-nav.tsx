import Link from "next/link";
import { useTranslations } from "next-intl";
import { THREAD_LIST_FILTERS, type ThreadListFilter } from "@/lib/discussions/thread-list-filter";

type ThreadFilterNavProps = {
  current: ThreadListFilter;
  hrefForFilter: (filter: ThreadListFilter) => string;
};

/** All / Unanswered / Unsolved / Solved as links (shareable, work without JavaScript). */
export function ThreadFilterNav({ current, hrefForFilter }: ThreadFilterNavProps) {
  const t = useTranslations("discussions.read");
  return (
    <nav aria-label={t("filterLabel")} className="mb-3">
      <ul className="flex flex-wrap gap-2">
        {THREAD_LIST_FILTERS.map((filter) => {
          const isCurrent = filter === current;
          return (
            <li key={filter}>
              <Link
                href={hrefForFilter(filter)}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1.5 text-sm font-medium ${
                  isCurrent
                    ? "border-brand-700 bg-brand-700 text-white dark:border-brand-300 dark:bg-brand-300 dark:text-zinc-950"
                    : "border-zinc-300 text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
                }`}
              >
                {t(`filter.${filter}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
