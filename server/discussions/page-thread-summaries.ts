import "server-only";
import { db, type Prisma } from "@/server/db/client";
import { countPages, type Paged } from "@/lib/pagination";
import { threadSummarySelect, toThreadSummary, type ThreadSummary } from "./thread-summary";

/** One page of non-deleted threads matching `where`, pinned first (latest pin first), then most recently active, with the total. */
export async function pageThreadSummaries(where: Prisma.ThreadWhereInput, page: number, pageSize: number): Promise<Paged<ThreadSummary>> {
  // Not deleted, and public: a thread whose question waits for review or is hidden is listed nowhere.
  const visible: Prisma.ThreadWhereInput = { ...where, deletedAt: null, posts: { none: { isOpening: true, visibility: { not: "VISIBLE" } } } };
  const [total, rows] = await Promise.all([
    db().thread.count({ where: visible }),
    db().thread.findMany({
      where: visible,
      orderBy: [{ pinnedAt: { sort: "desc", nulls: "last" } }, { lastActivityAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: threadSummarySelect,
    }),
  ]);
  return { items: rows.map(toThreadSummary), page, pageSize, total, pageCount: countPages(total, pageSize) };
}
