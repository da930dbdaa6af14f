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
  /** Moderation: a post not VISIBLE is shown only to its author (with a notice) and moderators (marked). */
  visibility: "VISIBLE" | "PENDING_REVIEW" | "HIDDEN";
  /** True when the viewer may not see this post (waiting for review or hidden): no body, no author, like a deleted post. */
  isWithheld: boolean;
};

/** Who reads, for posts waiting for review or hidden. Omitted = a signed-out reader (nothing withheld is shown). */
export type PostReader = { userId: string | null; isModerator: boolean };
export const ANONYMOUS_READER: PostReader = { userId: null, isModerator: false };

/** Whether `reader` may see a post of this author and visibility. */
export function canReadPost(post: { visibility: string; authorId: string }, reader: PostReader = ANONYMOUS_READER): boolean {
  return post.visibility === "VISIBLE" || reader.isModerator || (reader.userId !== null && reader.userId === post.authorId);
}

export const postViewSelect = {
  id: true,
  depth: true,
  parentId: true,
  bodyHtml: true,
  helpfulCount: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  visibility: true,
  author: { select: { id: true, displayName: true, deletedAt: true } },
} satisfies Prisma.PostSelect;

type SelectedPost = Prisma.PostGetPayload<{ select: typeof postViewSelect }>;

export function toPostView(post: SelectedPost, reader: PostReader = ANONYMOUS_READER): PostView {
  const isWithheld = post.deletedAt === null && !canReadPost({ visibility: post.visibility, authorId: post.author.id }, reader);
  const authorGone = post.author.deletedAt !== null || isWithheld;
  const isDeleted = post.deletedAt !== null;
  return {
    id: post.id,
    authorId: authorGone ? null : post.author.id,
    authorName: authorGone ? null : post.author.displayName,
    bodyHtml: isDeleted || isWithheld ? null : post.bodyHtml,
    isDeleted,
    depth: post.depth,
    parentId: post.parentId,
    helpfulCount: post.helpfulCount,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    visibility: post.visibility,
    isWithheld,
  };
}
