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

// Slugs are made by toSlug (lowercase ASCII, digits, dashes) plus a short suffix on collisions.
const SLUG_PATTERN = /^[a-z0-9-]{1,160}$/;

/**
 * Whether a slug from a URL can name a catalog row at all. Checked before querying so a crafted
 * address (a NUL byte PostgreSQL rejects, a megabyte of text) is a plain "not found".
 */
export function isWellFormedSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}
