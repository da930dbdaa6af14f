import "server-only";
import { db } from "@/server/db/client";

export type SitemapEntries = {
  categories: { slug: string; updatedAt: Date }[];
  products: { slug: string; updatedAt: Date }[];
  threads: { id: string; slug: string; lastActivityAt: Date }[];
};

/**
 * Everything public worth indexing. A sitemap file holds at most 50,000 addresses, so the most
 * recently active threads fill what the catalog leaves.
 */
export async function listSitemapEntries({ maxEntries }: { maxEntries: number }): Promise<SitemapEntries> {
  const [allCategories, allProducts] = await Promise.all([
    db().category.findMany({ orderBy: { slug: "asc" }, take: maxEntries, select: { slug: true, updatedAt: true } }),
    db().product.findMany({ orderBy: { slug: "asc" }, take: maxEntries, select: { slug: true, updatedAt: true } }),
  ]);
  const categories = allCategories.slice(0, maxEntries);
  const products = allProducts.slice(0, maxEntries - categories.length);
  const room = Math.max(0, maxEntries - categories.length - products.length);
  const threads =
    room === 0
      ? []
      : await db().thread.findMany({
          // Public threads only: not one whose question waits for review or is hidden.
          where: { deletedAt: null, posts: { none: { isOpening: true, visibility: { not: "VISIBLE" } } } },
          orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
          take: room,
          select: { id: true, slug: true, lastActivityAt: true },
        });
  return { categories, products, threads };
}
