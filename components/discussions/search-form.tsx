import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SEARCH_KINDS, SEARCH_QUERY_MAX_LENGTH, SEARCH_STATUSES, searchPath, type SearchParams } from "@/lib/discussions/search-params";

type SearchFormProps = {
  params: SearchParams;
  categories: { slug: string; name: string }[];
  /** The product the search is limited to, when it is. */
  product: { slug: string; name: string } | null;
};

const fieldClasses =
  "min-h-10 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";

/** A plain GET form: works without JavaScript, and every search has a shareable address. */
export function SearchForm({ params, categories, product }: SearchFormProps) {
  const t = useTranslations("discussions.search");
  return (
    <form action="/search" method="get" role="search" className="mb-8 space-y-4">
      <div>
        <label htmlFor="search-query" className="mb-1 block font-medium">
          {t("queryLabel")}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="search-query"
            name="q"
            type="search"
            defaultValue={params.query}
            maxLength={SEARCH_QUERY_MAX_LENGTH}
            placeholder={t("queryPlaceholder")}
            className={fieldClasses}
          />
          <Button type="submit" className="sm:w-auto">
            {t("submit")}
          </Button>
        </div>
      </div>
      {product && (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <input type="hidden" name="product" value={product.slug} />
          <span className="font-medium">{t("productFilter", { product: product.name })}</span>
          <Link href={searchPath({ ...params, productSlug: undefined, page: 1 })} className="text-brand-700 underline underline-offset-4 dark:text-brand-300">
            {t("removeProductFilter")}
          </Link>
        </p>
      )}
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">{t("filtersLegend")}</legend>
        <div>
          <label htmlFor="search-kind" className="mb-1 block text-sm">
            {t("kindLabel")}
          </label>
          <select id="search-kind" name="kind" defaultValue={params.kind?.toLowerCase() ?? ""} className={fieldClasses}>
            <option value="">{t("any")}</option>
            {SEARCH_KINDS.map((kind) => (
              <option key={kind} value={kind.toLowerCase()}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-status" className="mb-1 block text-sm">
            {t("statusLabel")}
          </label>
          <select id="search-status" name="status" defaultValue={params.status ?? ""} className={fieldClasses}>
            <option value="">{t("any")}</option>
            {SEARCH_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        {!product && (
          <div>
            <label htmlFor="search-category" className="mb-1 block text-sm">
              {t("categoryLabel")}
            </label>
            <select id="search-category" name="category" defaultValue={params.categorySlug ?? ""} className={fieldClasses}>
              <option value="">{t("any")}</option>
              {categories.map((category) => (
                <option key={category.slug} value={category.slug}>
                  {category.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
    </form>
  );
}
