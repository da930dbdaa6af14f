import "server-only";
import { db } from "@/server/db/client";
import { ANONYMOUS_READER, postViewSelect, toPostView, type PostReader, type PostView } from "./post-view";

export type ThreadView = {
  id: string;
  slug: string;
  kind: "QUESTION" | "TIP" | "DISCUSSION";
  title: string;
  language: "en" | "fr";
  isLocked: boolean;
  replyCount: number;
  meTooCount: number;
  createdAt: Date;
  lastActivityAt: Date;
  product: { id: string; slug: string; name: string; category: { slug: string; name: string } };
  opening: PostView;
  /** null when the thread has no accepted answer, or the accepted post was deleted since. */
  acceptedAnswer: PostView | null;
};

// cuid-style ids; anything else cannot name a thread, so it is "not found" without a query.
const ID_PATTERN = /^[a-z0-9]{8,40}$/i;

/**
 * A public thread with its opening post and accepted answer; null when unknown or deleted, or when
 * its opening post waits for review or is hidden and `reader` is neither its author nor a moderator.
 */
export async function getThread(id: string, reader: PostReader = ANONYMOUS_READER): Promise<ThreadView | null> {
  if (!ID_PATTERN.test(id)) return null;
  const thread = await db().thread.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      slug: true,
      kind: true,
      title: true,
      language: true,
      lockedAt: true,
      replyCount: true,
      meTooCount: true,
      createdAt: true,
      lastActivityAt: true,
      product: { select: { id: true, slug: true, name: true, category: { select: { slug: true, name: true } } } },
      posts: { where: { isOpening: true }, take: 1, select: postViewSelect },
      acceptedPost: { select: postViewSelect },
    },
  });
  const opening = thread?.posts[0];
  if (!thread || !opening) return null;
  const openingView = toPostView(opening, reader);
  if (openingView.isWithheld) return null;
  const acceptedView = thread.acceptedPost && !thread.acceptedPost.deletedAt ? toPostView(thread.acceptedPost, reader) : null;
  const accepted = acceptedView && !acceptedView.isWithheld ? acceptedView : null;
  return {
    id: thread.id,
    slug: thread.slug,
    kind: thread.kind,
    title: thread.title,
    language: thread.language,
    isLocked: thread.lockedAt !== null,
    replyCount: thread.replyCount,
    meTooCount: thread.meTooCount,
    createdAt: thread.createdAt,
    lastActivityAt: thread.lastActivityAt,
    product: thread.product,
    opening: openingView,
    acceptedAnswer: accepted,
  };
}
