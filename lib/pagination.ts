/** One page of an ordered list, plus what a pager needs to link to its neighbours. */
export type Paged<T> = {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
};

/** An empty list still has one (empty) page, so page 1 is always a valid address. */
export function countPages(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

// Six digits is far beyond any real page and keeps `skip` a safe integer.
const PAGE_PATTERN = /^[1-9][0-9]{0,5}$/;

/**
 * Reads `?page=` from a URL. Absent means page 1; anything that is not a plain positive integer
 * (`0`, `-1`, `2.5`, `abc`, a repeated parameter) returns null so the caller can answer 404
 * instead of guessing.
 */
export function parsePageParam(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  if (typeof raw !== "string" || !PAGE_PATTERN.test(raw)) return null;
  return Number(raw);
}

export function isPageInRange(page: number, pageCount: number): boolean {
  return page >= 1 && page <= pageCount;
}
