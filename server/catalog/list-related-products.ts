import "server-only";
import { db } from "@/server/db/client";
import type { ProductLink } from "./list-categories";

export type ListRelatedProductsInput = {
  categorySlug: string;
  excludeSlug: string;
  limit: number;
};

/** Other products of the same category, most bought first, for "more in this category". */
export async function listRelatedProducts({ categorySlug, excludeSlug, limit }: ListRelatedProductsInput): Promise<ProductLink[]> {
  return db().product.findMany({
    where: { category: { slug: categorySlug }, slug: { not: excludeSlug } },
    orderBy: [{ purchases: { _count: "desc" } }, { name: "asc" }, { id: "asc" }],
    take: limit,
    select: { slug: true, name: true },
  });
}
