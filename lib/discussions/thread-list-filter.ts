/** Which threads a list shows; `all` is the plain address so each list has one URL per page. */
export const THREAD_LIST_FILTERS = ["all", "unanswered", "unsolved", "solved"] as const;
export type ThreadListFilter = (typeof THREAD_LIST_FILTERS)[number];

/** Reads `?filter=`: absent means all; an unknown value returns null so the page can answer 404. */
export function parseThreadListFilter(raw: string | string[] | undefined): ThreadListFilter | null {
  if (raw === undefined) return "all";
  if (typeof raw !== "string") return null;
  return (THREAD_LIST_FILTERS as readonly string[]).includes(raw) ? (raw as ThreadListFilter) : null;
}

/** Query string for a filtered, paginated list (page 1 and `all` are left out). */
export function threadListQuery(filter: ThreadListFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter !== "all") params.set("filter", filter);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
