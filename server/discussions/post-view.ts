import "server-only";
import type { Prisma } from "@/server/db/client";

/** One post as a page shows it. A deleted post keeps its place (and its replies) but not its body. */
export type PostView = {
  id: string;
  /** null once the author deleted their account: no name, no profile link, no badge. */
  authorId: string | null;
  authorName: string | null;
  bodyHtml: string | null;
  isDeleted: boolean;
  depth: number;
  parentId: string | null;
  helpfulCount: number;
  createdAt: Date;
  editedAt: Date | null;
};

export const postViewSelect = {
  id: true,
  depth: true,
  parentId: true,
  bodyHtml: true,
  helpfulCount: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { id: true, displayName: true, deletedAt: true } },
} satisfies Prisma.PostSelect;

type SelectedPost = Prisma.PostGetPayload<{ select: typeof postViewSelect }>;

export function toPostView(post: SelectedPost): PostView {
  const authorGone = post.author.deletedAt !== null;
  const isDeleted = post.deletedAt !== null;
  return {
    id: post.id,
    authorId: authorGone ? null : post.author.id,
    authorName: authorGone ? null : post.author.displayName,
    bodyHtml: isDeleted ? null : post.bodyHtml,
    isDeleted,
    depth: post.depth,
    parentId: post.parentId,
    helpfulCount: post.helpfulCount,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
  };
}
