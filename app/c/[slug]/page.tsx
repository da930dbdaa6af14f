import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { ProductList } from "@/components/catalog/product-list";
import { ThreadList } from "@/components/discussions/thread-list";
import { WatchControl } from "@/components/preferences/watch-control";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pagination } from "@/components/ui/pagination";
import { CATALOG_PATH, categoryPath } from "@/lib/catalog/catalog-paths";
import { countPages, isPageInRange, parsePageParam } from "@/lib/pagination";
import { getCategoryBySlug } from "@/server/catalog/get-category-by-slug";
import { getShopName } from "@/server/catalog/get-shop-name";
import { listCategoryProducts } from "@/server/catalog/list-category-products";
import { listCategoryThreads } from "@/server/discussions/list-category-threads";

const PRODUCTS_PER_PAGE = 12;
const RECENT_THREAD_COUNT = 10;

// generateMetadata and the page both need the category: one query per request.
const loadCategory = cache(getCategoryBySlug);

type CategoryPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: CategoryPageProps): Promise<Metadata> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const category = await loadCategory(slug);
  const page = parsePageParam(query.page);
  // Same verdict as the page, here too, so the 404 gets the not-found page's title.
  if (!category || page === null || !isPageInRange(page, countPages(category.productCount, PRODUCTS_PER_PAGE))) notFound();
  const t = await getTranslations("catalog.category");
  return {
    title: page > 1 ? t("titleWithPage", { category: category.name, page }) : category.name,
    description: t("metaDescription", { category: category.name, count: category.productCount, shop: getShopName() }),
    alternates: { canonical: categoryPath(category.slug, page) },
  };
}

export default async function CategoryPage({ params, searchParams }: CategoryPageProps) {
  await connection();
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const page = parsePageParam(query.page);
  if (page === null) notFound();

  const [category, products, threads] = await Promise.all([
    loadCategory(slug),
    listCategoryProducts({ categorySlug: slug, page, pageSize: PRODUCTS_PER_PAGE }),
    listCategoryThreads({ categorySlug: slug, filter: "all", page: 1, pageSize: RECENT_THREAD_COUNT }),
  ]);
  if (!category || !isPageInRange(page, products.pageCount)) notFound();
  const [t, tCatalog, tDiscussions] = await Promise.all([
    getTranslations("catalog.category"),
    getTranslations("catalog"),
    getTranslations("discussions.read"),
  ]);

  return (
    <>
      <Breadcrumbs trail={[{ label: tCatalog("breadcrumb"), href: CATALOG_PATH }]} current={category.name} />
      <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">{category.name}</h1>
      <WatchControl target={{ type: "category", id: category.id }} name={category.name} returnTo={categoryPath(category.slug)} />
      <p className="mt-1 mb-6 text-zinc-600 dark:text-zinc-400">{t("productCount", { count: products.total })}</p>
      <section aria-labelledby="products-heading">
        <h2 id="products-heading" className="sr-only">
          {t("productsHeading")}
        </h2>
        {products.items.length === 0 ? <p>{t("empty")}</p> : <ProductList products={products.items} />}
      </section>
      <Pagination page={page} pageCount={products.pageCount} hrefForPage={(target) => categoryPath(category.slug, target)} />
      <section aria-labelledby="category-discussions-heading" className="mt-10 max-w-3xl">
        <h2 id="category-discussions-heading" className="mb-3 text-lg font-semibold">
          {tDiscussions("categoryRecent")}
        </h2>
        {threads.items.length === 0 ? (
          <p className="text-zinc-700 dark:text-zinc-300">{tDiscussions("noThreads")}</p>
        ) : (
          <ThreadList threads={threads.items} showProduct />
        )}
      </section>
    </>
  );
}
