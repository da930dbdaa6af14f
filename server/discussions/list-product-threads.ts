import "server-only";
import { db } from "@/server/db/client";
import { isWellFormedSlug } from "@/lib/catalog/catalog-paths";
import { countPages, type Paged } from "@/lib/pagination";
import type { ThreadListFilter } from "@/lib/discussions/thread-list-filter";
import { threadFilterWhere, threadSummarySelect, toThreadSummary, type ThreadSummary } from "./thread-summary";

export type ListProductThreadsInput = { productSlug: string; filter: ThreadListFilter; page: number; pageSize: number };

/**
 * A product's discussion space, most recently active first (index on productId, lastActivityAt).
 * Takes the slug from the URL so the page can run it alongside the product's own query.
 */
export async function listProductThreads({ productSlug, filter, page, pageSize }: ListProductThreadsInput): Promise<Paged<ThreadSummary>> {
  if (!isWellFormedSlug(productSlug)) return { items: [], page, pageSize, total: 0, pageCount: 1 };
  const where = { product: { slug: productSlug }, deletedAt: null, ...threadFilterWhere(filter) };
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
