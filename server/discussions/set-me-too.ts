import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { findMember } from "@/server/membership/find-member";

export type SetMeTooInput = {
  /** The signed-in person's id (null when signed out): membership is checked here, not trusted. */
  actorId: string | null;
  threadId: string;
  /** The state the member wants (not a toggle), so repeated or concurrent clicks converge. */
  meToo: boolean;
};

export type MeTooResult = { threadId: string; threadSlug: string; meToo: boolean; meTooCount: number };

/**
 * A member says "I have this question too" about someone else's question, or takes it back (once
 * per member and thread). Locked questions still take it. Subscribes nobody to anything.
 * Throws AppError (membership codes), NOT_FOUND or FORBIDDEN (details.reason NOT_A_QUESTION /
 * OWN_QUESTION / THREAD_DELETED).
 *
 * The counter moves by the number of rows actually inserted or deleted, in the same transaction,
 * so concurrent requests can never make it drift.
 */
export async function setMeToo(input: SetMeTooInput): Promise<MeTooResult> {
  const member = await findMember(input.actorId);

  return db().$transaction(async (tx) => {
    const thread = await tx.thread.findUnique({
      where: { id: input.threadId },
      select: { id: true, slug: true, kind: true, authorId: true, deletedAt: true },
    });
    if (!thread) throw new AppError("NOT_FOUND", { details: { field: "threadId" } });
    if (thread.deletedAt) throw new AppError("FORBIDDEN", { details: { reason: "THREAD_DELETED" } });
    if (thread.kind !== "QUESTION") throw new AppError("FORBIDDEN", { details: { reason: "NOT_A_QUESTION" } });
    if (thread.authorId === member.id) throw new AppError("FORBIDDEN", { details: { reason: "OWN_QUESTION" } });

    const changed = input.meToo
      ? await tx.$executeRaw`INSERT INTO "ThreadMeToo" ("threadId", "userId") VALUES (${thread.id}, ${member.id}) ON CONFLICT DO NOTHING`
      : -(await tx.$executeRaw`DELETE FROM "ThreadMeToo" WHERE "threadId" = ${thread.id} AND "userId" = ${member.id}`);

    const { meTooCount } =
      changed === 0
        ? await tx.thread.findUniqueOrThrow({ where: { id: thread.id }, select: { meTooCount: true } })
        : await tx.thread.update({ where: { id: thread.id }, data: { meTooCount: { increment: changed } }, select: { meTooCount: true } });
    return { threadId: thread.id, threadSlug: thread.slug, meToo: input.meToo, meTooCount };
  });
}
