import { stripUnstorableCharacters } from "@/lib/text/strip-unstorable-characters";

/** What /search accepts. Anything malformed is dropped or clamped: a bad link still shows results. */
export const SEARCH_QUERY_MAX_LENGTH = 200;
export const SEARCH_KINDS = ["QUESTION", "TIP", "DISCUSSION"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_STATUSES = ["solved", "unsolved"] as const;
export type SearchStatus = (typeof SEARCH_STATUSES)[number];

export type SearchParams = {
  query: string;
  productSlug?: string;
  categorySlug?: string;
  kind?: SearchKind;
  status?: SearchStatus;
  page: number;
};

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,119}$/;
const MAX_PAGE = 500;

type Raw = string | string[] | undefined;
const single = (raw: Raw): string | undefined => (Array.isArray(raw) ? raw[0] : raw);

export function parseSearchParams(raw: Record<string, Raw>): SearchParams {
  const query = stripUnstorableCharacters(single(raw.q) ?? "").trim().slice(0, SEARCH_QUERY_MAX_LENGTH);
  const product = single(raw.product);
  const category = single(raw.category);
  const kind = single(raw.kind)?.toUpperCase();
  const status = single(raw.status);
  const page = Number.parseInt(single(raw.page) ?? "1", 10);
  return {
    query,
    productSlug: product && SLUG_PATTERN.test(product) ? product : undefined,
    categorySlug: category && SLUG_PATTERN.test(category) ? category : undefined,
    kind: (SEARCH_KINDS as readonly string[]).includes(kind ?? "") ? (kind as SearchKind) : undefined,
    status: (SEARCH_STATUSES as readonly string[]).includes(status ?? "") ? (status as SearchStatus) : undefined,
    page: Number.isFinite(page) ? Math.min(Math.max(page, 1), MAX_PAGE) : 1,
  };
}

/** The /search address for these parameters (page 1 and empty filters left out). */
export function searchPath(params: Partial<SearchParams>): string {
  const query = new URLSearchParams();
  if (params.query) query.set("q", params.query);
  if (params.productSlug) query.set("product", params.productSlug);
  if (params.categorySlug) query.set("category", params.categorySlug);
  if (params.kind) query.set("kind", params.kind.toLowerCase());
  if (params.status) query.set("status", params.status);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return text ? `/search?${text}` : "/search";
}
