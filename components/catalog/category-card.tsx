import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { categoryPath, productPath } from "@/lib/catalog/catalog-paths";
import type { CategorySummary } from "@/server/catalog/list-categories";

type CategoryCardProps = { category: CategorySummary; headingLevel: "h2" | "h3" };

/** A category with its size and its most bought products, linking to the full list. */
export function CategoryCard({ category, headingLevel: Heading }: CategoryCardProps) {
  const t = useTranslations("catalog.categoryCard");
  const hasMore = category.productCount > category.topProducts.length;
  return (
    <Card as="article" className="flex h-full flex-col gap-3">
      <div>
        <Heading className="text-lg font-semibold">
          <Link href={categoryPath(category.slug)} className="rounded-sm underline-offset-4 hover:underline">
            {category.name}
          </Link>
        </Heading>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("productCount", { count: category.productCount })}</p>
      </div>
      {category.topProducts.length > 0 && (
        <ul aria-label={t("popular", { category: category.name })} className="space-y-1 text-sm">
          {category.topProducts.map((product) => (
            <li key={product.slug} className="break-words">
              <Link
                href={productPath(product.slug)}
                className="text-zinc-800 underline decoration-zinc-400 underline-offset-4 hover:decoration-2 dark:text-zinc-200 dark:decoration-zinc-500"
              >
                {product.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {hasMore && (
        <p className="mt-auto text-sm">
          <TextLink href={categoryPath(category.slug)}>{t("seeAll", { category: category.name })}</TextLink>
        </p>
      )}
    </Card>
  );
}
