import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { CategoryGrid } from "@/components/catalog/category-grid";
import { LinkButton } from "@/components/ui/link-button";
import { CATALOG_PATH } from "@/lib/catalog/catalog-paths";
import { getShopName } from "@/server/catalog/get-shop-name";
import { listCategories } from "@/server/catalog/list-categories";

// The home page shows the first categories; the full, paginated list lives at /categories.
const HOME_CATEGORY_COUNT = 12;
const TOP_PRODUCTS_PER_CATEGORY = 3;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog.home");
  // No title: the layout's default (the community's name) is the home page's title.
  return { description: t("metaDescription", { shop: getShopName() }) };
}

export default async function HomePage() {
  await connection();
  const [t, categories] = await Promise.all([
    getTranslations("catalog.home"),
    listCategories({ page: 1, pageSize: HOME_CATEGORY_COUNT, topProductsPerCategory: TOP_PRODUCTS_PER_CATEGORY }),
  ]);
  const shop = getShopName();
  return (
    <>
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold tracking-tight text-balance sm:text-3xl">{t("heading")}</h1>
        <p className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">{t("intro", { shop })}</p>
        <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("promise")}</p>
      </div>

      <section aria-labelledby="catalog-heading" className="mt-10">
        <h2 id="catalog-heading" className="mb-4 text-xl font-semibold">
          {t("catalogHeading")}
        </h2>
        {categories.items.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <CategoryGrid categories={categories.items} headingLevel="h3" />
        )}
        {categories.total > categories.items.length && (
          <LinkButton href={CATALOG_PATH} variant="secondary" className="mt-6">
            {t("allCategories", { count: categories.total })}
          </LinkButton>
        )}
      </section>
    </>
  );
}
