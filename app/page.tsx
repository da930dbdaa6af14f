import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { CategoryGrid } from "@/components/catalog/category-grid";
import { ThreadList } from "@/components/discussions/thread-list";
import { LinkButton } from "@/components/ui/link-button";
import { CATALOG_PATH } from "@/lib/catalog/catalog-paths";
import { getShopName } from "@/server/catalog/get-shop-name";
import { listCategories } from "@/server/catalog/list-categories";
import { listHomeThreads, type HomeThreads } from "@/server/discussions/list-home-threads";

// The home page shows the first categories; the full, paginated list lives at /categories.
const HOME_CATEGORY_COUNT = 12;
const TOP_PRODUCTS_PER_CATEGORY = 3;
const HOME_THREADS_PER_LIST = 5;
const HOME_THREAD_LISTS = ["recent", "unanswered", "recentlySolved"] as const satisfies readonly (keyof HomeThreads)[];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalog.home");
  // No title: the layout's default (the community's name) is the home page's title.
  return { description: t("metaDescription", { shop: getShopName() }) };
}

export default async function HomePage() {
  await connection();
  const [t, tDiscussions, categories, threads] = await Promise.all([
    getTranslations("catalog.home"),
    getTranslations("discussions.read"),
    listCategories({ page: 1, pageSize: HOME_CATEGORY_COUNT, topProductsPerCategory: TOP_PRODUCTS_PER_CATEGORY }),
    listHomeThreads({ limit: HOME_THREADS_PER_LIST }),
  ]);
  const shop = getShopName();
  return (
    <>
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold tracking-tight text-balance sm:text-3xl">{t("heading")}</h1>
        <p className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">{t("intro", { shop })}</p>
        <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("promise")}</p>
      </div>

      <div className="mt-10 grid gap-8 lg:grid-cols-3">
        {HOME_THREAD_LISTS.map((list) => (
          <section key={list} aria-labelledby={`home-${list}-heading`} className="min-w-0">
            <h2 id={`home-${list}-heading`} className="mb-3 text-xl font-semibold">
              {tDiscussions(`home.${list}`)}
            </h2>
            {threads[list].length === 0 ? (
              <p className="text-zinc-700 dark:text-zinc-300">{tDiscussions("noThreads")}</p>
            ) : (
              <ThreadList threads={threads[list]} showProduct />
            )}
          </section>
        ))}
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
