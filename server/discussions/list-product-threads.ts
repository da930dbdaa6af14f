import "server-only";
import { isWellFormedSlug } from "@/lib/catalog/catalog-paths";
import type { Paged } from "@/lib/pagination";
import type { ThreadListFilter } from "@/lib/discussions/thread-list-filter";
import { pageThreadSummaries } from "./page-thread-summaries";
import { threadFilterWhere, type ThreadSummary } from "./thread-summary";

export type ListProductThreadsInput = { productSlug: string; filter: ThreadListFilter; page: number; pageSize: number };

/**
 * A product's discussion space, most recently active first (index on productId, lastActivityAt).
 * Takes the slug from the URL so the page can run it alongside the product's own query.
 */
export async function listProductThreads({ productSlug, filter, page, pageSize }: ListProductThreadsInput): Promise<Paged<ThreadSummary>> {
  if (!isWellFormedSlug(productSlug)) return { items: [], page, pageSize, total: 0, pageCount: 1 };
  return pageThreadSummaries({ product: { slug: productSlug }, ...threadFilterWhere(filter) }, page, pageSize);
}
