/** Addresses of catalog pages, in one place so links and redirects never drift apart. */

export const CATALOG_PATH = "/categories";

export function catalogPath(page = 1): string {
  return page > 1 ? `${CATALOG_PATH}?page=${page}` : CATALOG_PATH;
}

/** Page 1 is the plain address, so a list has exactly one URL per page. */
export function categoryPath(slug: string, page = 1): string {
  const path = `/c/${encodeURIComponent(slug)}`;
  return page > 1 ? `${path}?page=${page}` : path;
}

export function productPath(slug: string): string {
  return `/p/${encodeURIComponent(slug)}`;
}
