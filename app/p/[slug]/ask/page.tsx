import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { AskForm } from "@/components/discussions/ask-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { TextLink } from "@/components/ui/text-link";
import { CATALOG_PATH, categoryPath, productPath } from "@/lib/catalog/catalog-paths";
import { askPath } from "@/lib/discussions/discussion-paths";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { requireUser } from "@/server/auth/require-user";
import { getAskableProduct } from "@/server/discussions/get-askable-product";
import { getViewerWriteRole } from "@/server/discussions/get-viewer-write-role";

const loadProduct = cache(getAskableProduct);

type AskPageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: AskPageProps): Promise<Metadata> {
  const product = await loadProduct((await params).slug);
  if (!product) notFound();
  const t = await getTranslations("discussions.write.ask");
  // A form, not content: keep it out of search results.
  return { title: t("metaTitle", { product: product.name }), description: t("metaDescription", { product: product.name }), robots: { index: false } };
}

export default async function AskPage({ params }: AskPageProps) {
  await connection();
  const { slug } = await params;
  const product = await loadProduct(slug);
  if (!product) notFound();
  const user = await requireUser(askPath(product.slug));
  const [t, tCatalog, viewer, locale] = await Promise.all([
    getTranslations("discussions.write.ask"),
    getTranslations("catalog"),
    getViewerWriteRole(),
    getLocale(),
  ]);
  const defaultLanguage = user.locale ?? (isLocale(locale) ? locale : DEFAULT_LOCALE);

  return (
    <>
      <Breadcrumbs
        trail={[
          { label: tCatalog("breadcrumb"), href: CATALOG_PATH },
          { label: product.category.name, href: categoryPath(product.category.slug) },
          { label: product.name, href: productPath(product.slug) },
        ]}
        current={t("breadcrumb")}
      />
      <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">{t("heading", { product: product.name })}</h1>
      {viewer.kind === "member" ? (
        <>
          <p className="mt-3 max-w-prose text-zinc-700 dark:text-zinc-300">{t("intro")}</p>
          <AskForm productId={product.id} productSlug={product.slug} defaultLanguage={defaultLanguage} />
        </>
      ) : (
        <div className="mt-4 max-w-prose space-y-3 text-zinc-700 dark:text-zinc-300">
          <p>{t("notMember")}</p>
          <p className="flex flex-wrap gap-x-6 gap-y-2">
            <TextLink href="/join">{t("joinLink")}</TextLink>
            <TextLink href={productPath(product.slug)}>{t("backToProduct", { product: product.name })}</TextLink>
          </p>
        </div>
      )}
    </>
  );
}
