import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { ProductFacts } from "@/components/catalog/product-facts";
import { ThreadFilterNav } from "@/components/discussions/thread-filter-nav";
import { ThreadList } from "@/components/discussions/thread-list";
import { WatchControl } from "@/components/preferences/watch-control";
import { LinkButton } from "@/components/ui/link-button";
import { Pagination } from "@/components/ui/pagination";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { CATALOG_PATH, categoryPath, productPath } from "@/lib/catalog/catalog-paths";
import { askPath } from "@/lib/discussions/discussion-paths";
import { parseThreadListFilter, threadListQuery } from "@/lib/discussions/thread-list-filter";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { getProductBySlug } from "@/server/catalog/get-product-by-slug";
import { listRelatedProducts } from "@/server/catalog/list-related-products";
import { listProductThreads } from "@/server/discussions/list-product-threads";

const RELATED_PRODUCT_COUNT = 4;
const THREADS_PER_PAGE = 20;

// generateMetadata and the page both need the product: one query per request.
const loadProduct = cache(getProductBySlug);

type ProductPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await loadProduct((await params).slug);
  // Same verdict as the page, here too, so the 404 gets the not-found page's title.
  if (!product) notFound();
  const t = await getTranslations("catalog.product");
  return {
    title: product.name,
    description:
      product.shortDescription ?? t("metaDescription", { product: product.name, category: product.category.name, sku: product.sku }),
    alternates: { canonical: productPath(product.slug) },
  };
}

export default async function ProductPage({ params, searchParams }: ProductPageProps) {
  await connection();
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const filter = parseThreadListFilter(query.filter);
  const page = parsePageParam(query.page);
  if (filter === null || page === null) notFound();
  const product = await loadProduct(slug);
  if (!product) notFound();
  const [t, tCatalog, tDiscussions, related, threads] = await Promise.all([
    getTranslations("catalog.product"),
    getTranslations("catalog"),
    getTranslations("discussions.read"),
    listRelatedProducts({ categorySlug: product.category.slug, excludeSlug: product.slug, limit: RELATED_PRODUCT_COUNT }),
    listProductThreads({ productSlug: slug, filter, page, pageSize: THREADS_PER_PAGE }),
  ]);
  if (!isPageInRange(page, threads.pageCount)) notFound();
  const listHref = (targetFilter: typeof filter, targetPage: number) =>
    `${productPath(product.slug)}${threadListQuery(targetFilter, targetPage)}#discussions-heading`;

  return (
    <>
      <Breadcrumbs
        trail={[
          { label: tCatalog("breadcrumb"), href: CATALOG_PATH },
          { label: product.category.name, href: categoryPath(product.category.slug) },
        ]}
        current={product.name}
      />
      <article aria-labelledby="product-heading" className="max-w-3xl">
        <h1 id="product-heading" className="text-2xl font-bold tracking-tight break-words sm:text-3xl">
          {product.name}
        </h1>
        <WatchControl target={{ type: "product", id: product.id }} name={product.name} returnTo={productPath(product.slug)} />
        {product.shortDescription && <p className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">{product.shortDescription}</p>}
        <section aria-labelledby="facts-heading" className="mt-8">
          <h2 id="facts-heading" className="mb-3 text-lg font-semibold">
            {t("factsHeading")}
          </h2>
          <ProductFacts product={product} />
        </section>
      </article>
      <section aria-labelledby="discussions-heading" className="mt-10 max-w-3xl">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="discussions-heading" className="scroll-mt-4 text-lg font-semibold">
            {tDiscussions("discussionsHeading")}
          </h2>
          <LinkButton href={askPath(product.slug)}>{tDiscussions("askQuestion")}</LinkButton>
        </div>
        <ThreadFilterNav current={filter} hrefForFilter={(target) => listHref(target, 1)} />
        {threads.items.length === 0 ? (
          <p className="text-zinc-700 dark:text-zinc-300">{filter === "all" ? tDiscussions("noThreads") : tDiscussions("noThreadsForFilter")}</p>
        ) : (
          <ThreadList threads={threads.items} />
        )}
        <Pagination page={page} pageCount={threads.pageCount} hrefForPage={(target) => listHref(filter, target)} />
      </section>
      {related.length > 0 && (
        <section aria-labelledby="related-heading" className="mt-10">
          <h2 id="related-heading" className="mb-3 text-lg font-semibold">
            {t("relatedHeading", { category: product.category.name })}
          </h2>
          <ul className="grid gap-2 sm:grid-cols-2">
            {related.map((item) => (
              <li key={item.slug}>
                <Link
                  href={productPath(item.slug)}
                  className="block rounded-md border border-zinc-200 px-3 py-2 break-words hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900"
                >
                  {item.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
