import "server-only";
import type { Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { POSTING_LIMITS } from "@/server/http/rate-limit-policies";

// The numbers live with every other rate limit; re-exported for the tests that count against them.
export { POSTING_LIMITS };

/**
 * Throws AppError RATE_LIMITED (details.retryAt: ISO date) when the member already posted the
 * maximum in a window. Call inside the transaction that writes the post: the advisory lock
 * serializes one member's concurrent posts, so two quick clicks cannot both slip under the limit.
 */
export async function checkPostingRate(tx: Prisma.TransactionClient, authorId: string, now: Date = new Date()): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('posting-rate'), hashtext(${authorId}))`;
  const longest = Math.max(...POSTING_LIMITS.map((limit) => limit.windowMs));
  // Only the creation times of the last day's posts, newest first: at most 50 small rows.
  const recent = await tx.post.findMany({
    where: { authorId, createdAt: { gt: new Date(now.getTime() - longest) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: Math.max(...POSTING_LIMITS.map((limit) => limit.max)),
  });
  let retryAt: Date | null = null;
  for (const { windowMs, max } of POSTING_LIMITS) {
    const inWindow = recent.filter((post) => post.createdAt.getTime() > now.getTime() - windowMs);
    if (inWindow.length < max) continue;
    // The window frees a slot when the oldest counted post leaves it.
    const oldestCounted = inWindow[max - 1]!;
    const freesAt = new Date(oldestCounted.createdAt.getTime() + windowMs);
    if (!retryAt || freesAt > retryAt) retryAt = freesAt;
  }
  if (retryAt) throw new AppError("RATE_LIMITED", { details: { retryAt: retryAt.toISOString() } });
}
