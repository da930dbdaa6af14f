import "server-only";
import { db } from "@/server/db/client";
import type { ThreadKind } from "@/server/db/generated/prisma/client";
import { countPages, type Paged } from "@/lib/pagination";

export type MemberPostSummary = {
  postId: string;
  createdAt: Date;
  /** True for the post that opened the thread (asked the question, shared the tip). */
  isOpening: boolean;
  thread: { id: string; slug: string; title: string; kind: ThreadKind; productName: string };
};

export type ListMemberPostsInput = { userId: string; page: number; pageSize: number };

/** A member's visible posts, newest first: deleted posts and posts in deleted threads are left out. */
export async function listMemberPosts({ userId, page, pageSize }: ListMemberPostsInput): Promise<Paged<MemberPostSummary>> {
  // Public posts only: not one waiting for review or hidden by a moderator.
  const where = { authorId: userId, deletedAt: null, visibility: "VISIBLE" as const, thread: { deletedAt: null } };
  const [total, posts] = await Promise.all([
    db().post.count({ where }),
    db().post.findMany({
      where,
      // The id breaks ties between posts written in the same millisecond so pages never overlap.
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        createdAt: true,
        isOpening: true,
        thread: { select: { id: true, slug: true, title: true, kind: true, product: { select: { name: true } } } },
      },
    }),
  ]);
  const items = posts.map(({ id, createdAt, isOpening, thread }) => ({
    postId: id,
    createdAt,
    isOpening,
    thread: { id: thread.id, slug: thread.slug, title: thread.title, kind: thread.kind, productName: thread.product.name },
  }));
  return { items, page, pageSize, total, pageCount: countPages(total, pageSize) };
}
