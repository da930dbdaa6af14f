import "server-only";
import { db } from "@/server/db/client";
import { hasPermission, type Permission } from "@/lib/moderation/permissions";

const THREAD_TOOLS = ["thread.lock", "thread.pin", "thread.move", "thread.merge"] as const satisfies readonly Permission[];
export type ThreadToolPermission = (typeof THREAD_TOOLS)[number];

export type ThreadModerationState = {
  /** The thread tools this person may use (at least one, or the state is null). */
  allowed: ThreadToolPermission[];
  locked: boolean;
  pinned: boolean;
  productSlug: string;
  /** Where the thread could move (only with thread.move): every product, by category then name. */
  products: { slug: string; name: string; categoryName: string }[];
};

/**
 * What the moderator toolbar on a thread page needs, or null when the person holds none of the
 * thread permissions (the toolbar is not shown). The role is read from the database; every
 * action checks its permission again on the server.
 */
export async function getThreadModerationState(actorId: string | null, threadId: string): Promise<ThreadModerationState | null> {
  if (!actorId) return null;
  const user = await db().user.findUnique({ where: { id: actorId }, select: { role: true, deletedAt: true } });
  if (!user || user.deletedAt) return null;
  const allowed = THREAD_TOOLS.filter((permission) => hasPermission(user.role, permission));
  if (allowed.length === 0) return null;
  const [thread, products] = await Promise.all([
    db().thread.findFirst({ where: { id: threadId, deletedAt: null }, select: { lockedAt: true, pinnedAt: true, product: { select: { slug: true } } } }),
    allowed.includes("thread.move")
      ? db().product.findMany({ orderBy: [{ category: { name: "asc" } }, { name: "asc" }], take: 2000, select: { slug: true, name: true, category: { select: { name: true } } } })
      : Promise.resolve([]),
  ]);
  if (!thread) return null;
  return {
    allowed,
    locked: thread.lockedAt !== null,
    pinned: thread.pinnedAt !== null,
    productSlug: thread.product.slug,
    products: products.map((product) => ({ slug: product.slug, name: product.name, categoryName: product.category.name })),
  };
}
