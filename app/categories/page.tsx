import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { CategoryGrid } from "@/components/catalog/category-grid";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pagination } from "@/components/ui/pagination";
import { catalogPath } from "@/lib/catalog/catalog-paths";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { getShopName } from "@/server/catalog/get-shop-name";
import { listCategories } from "@/server/catalog/list-categories";

const CATEGORIES_PER_PAGE = 24;
const TOP_PRODUCTS_PER_CATEGORY = 3;

type CategoriesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// generateMetadata and the page both need the listing (to know the page exists): one query.
const loadCategoriesPage = cache((page: number) =>
  listCategories({ page, pageSize: CATEGORIES_PER_PAGE, topProductsPerCategory: TOP_PRODUCTS_PER_CATEGORY }),
);

export async function generateMetadata({ searchParams }: CategoriesPageProps): Promise<Metadata> {
  const page = parsePageParam((await searchParams).page);
  // Same verdict as the page, here too, so the 404 gets the not-found page's title.
  if (page === null || !isPageInRange(page, (await loadCategoriesPage(page)).pageCount)) notFound();
  const t = await getTranslations("catalog.categories");
  return {
    title: page > 1 ? t("titleWithPage", { page }) : t("title"),
    description: t("metaDescription", { shop: getShopName() }),
  };
}

export default async function CategoriesPage({ searchParams }: CategoriesPageProps) {
  await connection();
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();
  const [t, tCatalog, categories] = await Promise.all([
    getTranslations("catalog.categories"),
    getTranslations("catalog"),
    loadCategoriesPage(page),
  ]);
  if (!isPageInRange(page, categories.pageCount)) notFound();

  return (
    <>
      <Breadcrumbs trail={[]} current={tCatalog("breadcrumb")} />
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("heading")}</h1>
      <p className="mt-1 mb-6 text-zinc-600 dark:text-zinc-400">{t("summary", { count: categories.total })}</p>
      <CategoryGrid categories={categories.items} headingLevel="h2" />
      <Pagination page={page} pageCount={categories.pageCount} hrefForPage={catalogPath} />
    </>
  );
}
