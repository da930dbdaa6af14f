import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { productPath } from "@/lib/catalog/catalog-paths";
import type { ProductSummary } from "@/server/catalog/list-category-products";

/** Products as cards: name (the link), SKU and short description. Headings are <h3>. */
export function ProductList({ products }: { products: ProductSummary[] }) {
  const t = useTranslations("catalog.product");
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {products.map((product) => (
        <li key={product.slug}>
          <Card as="article" className="h-full">
            <h3 className="text-base font-semibold break-words">
              <Link href={productPath(product.slug)} className="rounded-sm underline-offset-4 hover:underline">
                {product.name}
              </Link>
            </h3>
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {t("sku")} <span className="font-mono">{product.sku}</span>
            </p>
            {product.shortDescription && (
              <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{product.shortDescription}</p>
            )}
          </Card>
        </li>
      ))}
    </ul>
  );
}
