import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "./button-styles";

type PaginationProps = {
  page: number;
  pageCount: number;
  /** Address of a page; page 1 should be the list's plain address so it has one URL. */
  hrefForPage: (page: number) => string;
};

/** Previous / "page x of y" / next. Renders nothing when everything fits on one page. */
export function Pagination({ page, pageCount, hrefForPage }: PaginationProps) {
  const t = useTranslations("common.pagination");
  if (pageCount <= 1) return null;
  const hasPrevious = page > 1;
  const hasNext = page < pageCount;
  return (
    <nav aria-label={t("label")} className="mt-8">
      <ul className="flex flex-wrap items-center justify-between gap-3">
        <li className="min-w-0">
          {hasPrevious && (
            <Link href={hrefForPage(page - 1)} rel="prev" className={buttonClasses("secondary")}>
              <span aria-hidden="true">←</span> {t("previous")}
            </Link>
          )}
        </li>
        <li className="text-sm text-zinc-700 dark:text-zinc-300">
          {t("status", { page, pageCount })}
        </li>
        <li className="min-w-0">
          {hasNext && (
            <Link href={hrefForPage(page + 1)} rel="next" className={buttonClasses("secondary")}>
              {t("next")} <span aria-hidden="true">→</span>
            </Link>
          )}
        </li>
      </ul>
    </nav>
  );
}
