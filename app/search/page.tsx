import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { SearchForm } from "@/components/discussions/search-form";
import { SearchResults } from "@/components/discussions/search-results";
import { Pagination } from "@/components/ui/pagination";
import { parseSearchParams, searchPath } from "@/lib/discussions/search-params";
import { listCategoryOptions } from "@/server/catalog/list-category-options";
import { getProductBySlug } from "@/server/catalog/get-product-by-slug";
import { searchPosts } from "@/server/discussions/search-posts";

type SearchPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("discussions.search");
  // Result pages are endless variations of one page: keep them out of search engines' indexes.
  return { title: t("title"), description: t("metaDescription"), robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: SearchPageProps) {
  await connection();
  const params = parseSearchParams(await searchParams);
  const [t, categories, product, results] = await Promise.all([
    getTranslations("discussions.search"),
    listCategoryOptions(),
    params.productSlug ? getProductBySlug(params.productSlug) : null,
    searchPosts(params),
  ]);

  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
      <SearchForm params={params} categories={categories} product={product ? { slug: product.slug, name: product.name } : null} />
      {params.query === "" ? (
        <section aria-labelledby="search-empty-heading" className="rounded-md border border-dashed border-zinc-300 p-6 dark:border-zinc-700">
          <h2 id="search-empty-heading" className="text-lg font-semibold">
            {t("emptyQueryHeading")}
          </h2>
          <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("emptyQueryHint")}</p>
        </section>
      ) : (
        <section aria-labelledby="search-results-heading">
          <h2 id="search-results-heading" className="sr-only">
            {t("resultsHeading")}
          </h2>
          <p role="status" className="mb-2 font-medium">
            {/* A frequent word matches more threads than are ranked: say so rather than count them all. */}
            {results.totalIsLowerBound
              ? t("resultCountAtLeast", { count: results.total, query: params.query })
              : t("resultCount", { count: results.total, query: params.query })}
          </p>
          {results.total === 0 ? (
            <p className="text-zinc-700 dark:text-zinc-300">{t("noResultsHint")}</p>
          ) : (
            <SearchResults hits={results.items} />
          )}
          <Pagination page={results.page} pageCount={results.pageCount} hrefForPage={(page) => searchPath({ ...params, page })} />
        </section>
      )}
    </>
  );
}
