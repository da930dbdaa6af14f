import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { TextLink } from "@/components/ui/text-link";
import { categoryPath } from "@/lib/catalog/catalog-paths";
import type { ProductDetail } from "@/server/catalog/get-product-by-slug";

/** The facts the catalog knows about a product, as a description list. */
export function ProductFacts({ product }: { product: ProductDetail }) {
  const t = useTranslations("catalog.product");
  const format = useFormatter();
  const listedOn = format.dateTime(product.listedAt, { dateStyle: "long" });
  const updatedOn = format.dateTime(product.updatedAt, { dateStyle: "long" });
  const facts: { term: string; detail: ReactNode }[] = [
    { term: t("sku"), detail: <span className="font-mono">{product.sku}</span> },
    {
      term: t("category"),
      detail: <TextLink href={categoryPath(product.category.slug)}>{product.category.name}</TextLink>,
    },
    { term: t("listedSince"), detail: <DateText date={product.listedAt} text={listedOn} /> },
  ];
  // Same-day updates (the shop's sync touching a new product) would only repeat the date above.
  if (updatedOn !== listedOn) facts.push({ term: t("lastUpdated"), detail: <DateText date={product.updatedAt} text={updatedOn} /> });
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr] sm:items-baseline">
      {facts.map(({ term, detail }) => (
        <div key={term} className="contents">
          <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{term}</dt>
          <dd className="-mt-2 break-words sm:mt-0">{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

function DateText({ date, text }: { date: Date; text: string }) {
  return <time dateTime={date.toISOString()}>{text}</time>;
}
