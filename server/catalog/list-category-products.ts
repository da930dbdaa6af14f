import "server-only";
import { db } from "@/server/db/client";
import { isWellFormedSlug } from "@/lib/catalog/catalog-paths";
import { countPages, type Paged } from "@/lib/pagination";

export type ProductSummary = {
  slug: string;
  sku: string;
  name: string;
  shortDescription: string | null;
};

export type ListCategoryProductsInput = {
  categorySlug: string;
  page: number;
  pageSize: number;
};

/** A category's products in name order (an unknown category simply has none). */
export async function listCategoryProducts({ categorySlug, page, pageSize }: ListCategoryProductsInput): Promise<Paged<ProductSummary>> {
  if (!isWellFormedSlug(categorySlug)) return { items: [], page, pageSize, total: 0, pageCount: 1 };
  const where = { category: { slug: categorySlug } };
  const [total, items] = await Promise.all([
    db().product.count({ where }),
    db().product.findMany({
      where,
      // The id breaks ties between equal names so pages never overlap or skip a product.
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { slug: true, sku: true, name: true, shortDescription: true },
    }),
  ]);
  return { items, page, pageSize, total, pageCount: countPages(total, pageSize) };
}
