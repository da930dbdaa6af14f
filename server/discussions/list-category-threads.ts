import "server-only";
import { db } from "@/server/db/client";
import { countPages, type Paged } from "@/lib/pagination";
import type { ThreadListFilter } from "@/lib/discussions/thread-list-filter";
import { threadFilterWhere, threadSummarySelect, toThreadSummary, type ThreadSummary } from "./thread-summary";

export type ListCategoryThreadsInput = { categoryId: string; filter: ThreadListFilter; page: number; pageSize: number };

/** Threads about any product of a category, most recently active first. */
export async function listCategoryThreads({ categoryId, filter, page, pageSize }: ListCategoryThreadsInput): Promise<Paged<ThreadSummary>> {
  const where = { product: { categoryId }, deletedAt: null, ...threadFilterWhere(filter) };
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
