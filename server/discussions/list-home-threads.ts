import "server-only";
import { db } from "@/server/db/client";
import { threadFilterWhere, threadSummarySelect, toThreadSummary, type ThreadSummary } from "./thread-summary";

export type HomeThreads = { recent: ThreadSummary[]; unanswered: ThreadSummary[]; recentlySolved: ThreadSummary[] };

/** The home page's three short lists across the whole shop; three bounded queries in parallel. */
export async function listHomeThreads({ limit }: { limit: number }): Promise<HomeThreads> {
  // Not deleted, and public: a thread whose question waits for review or is hidden is listed nowhere.
  const visible = { deletedAt: null, posts: { none: { isOpening: true, visibility: { not: "VISIBLE" as const } } } };
  const [recent, unanswered, recentlySolved] = await Promise.all([
    db().thread.findMany({
      where: visible,
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      take: limit,
      select: threadSummarySelect,
    }),
    // Newest first: the question waiting the shortest is the one most likely to still need help.
    db().thread.findMany({
      where: { ...visible, ...threadFilterWhere("unanswered") },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: threadSummarySelect,
    }),
    db().thread.findMany({
      where: { ...visible, ...threadFilterWhere("solved") },
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      take: limit,
      select: threadSummarySelect,
    }),
  ]);
  return { recent: recent.map(toThreadSummary), unanswered: unanswered.map(toThreadSummary), recentlySolved: recentlySolved.map(toThreadSummary) };
}
