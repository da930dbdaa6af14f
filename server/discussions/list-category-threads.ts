import "server-only";
import { isWellFormedSlug } from "@/lib/catalog/catalog-paths";
import type { Paged } from "@/lib/pagination";
import type { ThreadListFilter } from "@/lib/discussions/thread-list-filter";
import { pageThreadSummaries } from "./page-thread-summaries";
import { threadFilterWhere, type ThreadSummary } from "./thread-summary";

export type ListCategoryThreadsInput = { categorySlug: string; filter: ThreadListFilter; page: number; pageSize: number };

/** Threads about any product of a category, most recently active first (by slug, like its page). */
export async function listCategoryThreads({ categorySlug, filter, page, pageSize }: ListCategoryThreadsInput): Promise<Paged<ThreadSummary>> {
  if (!isWellFormedSlug(categorySlug)) return { items: [], page, pageSize, total: 0, pageCount: 1 };
  return pageThreadSummaries({ product: { category: { slug: categorySlug } }, ...threadFilterWhere(filter) }, page, pageSize);
}
