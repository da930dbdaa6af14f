import "server-only";
import { db } from "@/server/db/client";
import { isWellFormedSlug } from "@/lib/catalog/catalog-paths";
import { countPages, type Paged } from "@/lib/pagination";
import type { ThreadListFilter } from "@/lib/discussions/thread-list-filter";
import { threadFilterWhere, threadSummarySelect, toThreadSummary, type ThreadSummary } from "./thread-summary";

export type ListCategoryThreadsInput = { categorySlug: string; filter: ThreadListFilter; page: number; pageSize: number };

/** Threads about any product of a category, most recently active first (by slug, like its page). */
export async function listCategoryThreads({ categorySlug, filter, page, pageSize }: ListCategoryThreadsInput): Promise<Paged<ThreadSummary>> {
  if (!isWellFormedSlug(categorySlug)) return { items: [], page, pageSize, total: 0, pageCount: 1 };
  const where = { product: { category: { slug: categorySlug } }, deletedAt: null, ...threadFilterWhere(filter) };
  const [total, rows] = await Promise.all([
    db().thread.count({ where }),
    db().thread.findMany({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: threadSummarySelect,
    }),
  ]);
  return { items: rows.map(toThreadSummary), page, pageSize, total, pageCount: countPages(total, pageSize) };
}
