import "server-only";
import type { Prisma } from "@/server/db/client";
import type { ThreadListFilter } from "@/lib/discussions/thread-list-filter";

/** What a thread list item shows: the columns below and nothing more. */
export type ThreadSummary = {
  id: string;
  slug: string;
  kind: "QUESTION" | "TIP" | "DISCUSSION";
  title: string;
  language: "en" | "fr";
  isSolved: boolean;
  replyCount: number;
  lastActivityAt: Date;
  /** null when the author has no display name or deleted their account: shown as "Member". */
  authorName: string | null;
  product: { slug: string; name: string };
};

export const threadSummarySelect = {
  id: true,
  slug: true,
  kind: true,
  title: true,
  language: true,
  acceptedPostId: true,
  replyCount: true,
  lastActivityAt: true,
  author: { select: { displayName: true, deletedAt: true } },
  product: { select: { slug: true, name: true } },
} satisfies Prisma.ThreadSelect;

type SelectedThread = Prisma.ThreadGetPayload<{ select: typeof threadSummarySelect }>;

export function toThreadSummary(thread: SelectedThread): ThreadSummary {
  return {
    id: thread.id,
    slug: thread.slug,
    kind: thread.kind,
    title: thread.title,
    language: thread.language,
    isSolved: thread.acceptedPostId !== null,
    replyCount: thread.replyCount,
    lastActivityAt: thread.lastActivityAt,
    authorName: thread.author.deletedAt ? null : thread.author.displayName,
    product: thread.product,
  };
}

/**
 * The where-clause of a filter. "Unanswered" and "unsolved" only make sense for questions; tips
 * and discussions have nothing to solve, so they never show up there.
 */
export function threadFilterWhere(filter: ThreadListFilter): Prisma.ThreadWhereInput {
  switch (filter) {
    case "unanswered":
      return { kind: "QUESTION", replyCount: 0 };
    case "unsolved":
      return { kind: "QUESTION", acceptedPostId: null };
    case "solved":
      return { acceptedPostId: { not: null } };
    default:
      return {};
  }
}
