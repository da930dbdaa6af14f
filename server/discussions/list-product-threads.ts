import "server-only";
import { db } from "@/server/db/client";
import { countPages, type Paged } from "@/lib/pagination";
import type { ThreadListFilter } from "@/lib/discussions/thread-list-filter";
import { threadFilterWhere, threadSummarySelect, toThreadSummary, type ThreadSummary } from "./thread-summary";

export type ListProductThreadsInput = { productId: string; filter: ThreadListFilter; page: number; pageSize: number };

/** A product's discussion space, most recently active first (index on productId, lastActivityAt). */
export async function listProductThreads({ productId, filter, page, pageSize }: ListProductThreadsInput): Promise<Paged<ThreadSummary>> {
  const where = { productId, deletedAt: null, ...threadFilterWhere(filter) };
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
