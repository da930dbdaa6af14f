import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { countPages, type Paged } from "@/lib/pagination";

export type FailedEmailDelivery = {
  id: string;
  userId: string;
  listKey: string;
  reason: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  threadId: string;
  postId: string;
};

const PAGE_SIZE = 50;

/**
 * Alert e-mails that could not be delivered after every retry (status FAILED), newest first, for
 * administrators (role read from the database: FORBIDDEN for anyone else). They are kept, never
 * retried by themselves.
 */
export async function listFailedEmailDeliveries({ actorId, page = 1 }: { actorId: string | null; page?: number }): Promise<Paged<FailedEmailDelivery>> {
  if (!actorId) throw new AppError("SIGN_IN_REQUIRED");
  const actor = await db().user.findUnique({ where: { id: actorId }, select: { role: true, deletedAt: true } });
  if (!actor || actor.deletedAt) throw new AppError("SIGN_IN_REQUIRED");
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN");

  const where = { status: "FAILED" as const };
  const [total, rows] = await Promise.all([
    db().emailDelivery.count({ where }),
    db().emailDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, userId: true, listKey: true, reason: true, attempts: true, lastError: true, createdAt: true, event: { select: { threadId: true, postId: true } } },
    }),
  ]);
  return {
    items: rows.map(({ event, id, ...row }) => ({ ...row, id: id.toString(), threadId: event.threadId, postId: event.postId })),
    page,
    pageSize: PAGE_SIZE,
    total,
    pageCount: countPages(total, PAGE_SIZE),
  };
}
