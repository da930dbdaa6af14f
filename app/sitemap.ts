import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { categoryPath, productPath } from "@/lib/catalog/catalog-paths";
import { threadPath } from "@/lib/discussions/discussion-paths";
import { getSiteUrl } from "@/server/catalog/get-site-url";
import { listSitemapEntries } from "@/server/discussions/list-sitemap-entries";

// The sitemap protocol's limit per file, minus the home page.
const MAX_ENTRIES = 49_999;

/** Public pages for search engines, with absolute APP_URL addresses (never the request's Host). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Read at request time: the build has no database, and threads change all day.
  await connection();
  const site = getSiteUrl();
  const absolute = (path: string) => new URL(path, site).toString();
  const { categories, products, threads } = await listSitemapEntries({ maxEntries: MAX_ENTRIES });
  return [
    { url: absolute("/"), changeFrequency: "hourly" },
    ...categories.map((category) => ({ url: absolute(categoryPath(category.slug)), lastModified: category.updatedAt })),
    ...products.map((product) => ({ url: absolute(productPath(product.slug)), lastModified: product.updatedAt })),
    ...threads.map((thread) => ({ url: absolute(threadPath(thread.id, thread.slug)), lastModified: thread.lastActivityAt })),
  ];
}
