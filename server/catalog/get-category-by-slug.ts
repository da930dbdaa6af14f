import "server-only";
import { db } from "@/server/db/client";
import { isWellFormedSlug } from "@/lib/catalog/catalog-paths";

export type CategoryDetail = { id: string; slug: string; name: string; productCount: number };

export async function getCategoryBySlug(slug: string): Promise<CategoryDetail | null> {
  if (!isWellFormedSlug(slug)) return null;
  const row = await db().category.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, _count: { select: { products: true } } },
  });
  return row ? { id: row.id, slug: row.slug, name: row.name, productCount: row._count.products } : null;
}
