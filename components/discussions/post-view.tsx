import Link from "next/link";
import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { memberPath, postPath } from "@/lib/discussions/discussion-paths";
import type { PostView as PostData } from "@/server/discussions/post-view";

type PostViewProps = {
  post: PostData;
  threadId: string;
  threadSlug: string;
  isVerifiedOwner: boolean;
  /** Shown above the body, e.g. "in reply to …" for a flattened deep reply. */
  context?: ReactNode;
  /** Actions under the body (owner actions, reply disclosure). Not shown for deleted posts. */
  actions?: ReactNode;
  /** Helpful vote (and "I have this question too" on a question), above the actions. Not shown for deleted posts. */
  reactions?: ReactNode;
  /** The accepted answer is also shown under the question: only one copy may carry the anchor id. */
  anchor?: boolean;
  /** Marks the accepted answer where it sits among the replies. */
  isAccepted?: boolean;
};

/**
 * One post. Its `post-<id>` anchor is the permalink target: `:target` highlights it and the
 * scroll margin keeps it clear of the page top.
 */
export function PostView({ post, threadId, threadSlug, isVerifiedOwner, context, actions, reactions, anchor = true, isAccepted = false }: PostViewProps) {
  const t = useTranslations("discussions.read");
  const format = useFormatter();
  const authorName = post.authorName ?? t("formerMember");
  return (
    <article
      id={anchor ? `post-${post.id}` : undefined}
      aria-label={post.isDeleted ? t("deletedPost") : post.isWithheld ? t("withheldPost") : t("byAuthor", { name: authorName })}
      className="scroll-mt-4 rounded-lg border border-zinc-200 bg-white p-3 sm:p-4 target:border-amber-500 target:ring-2 target:ring-amber-400 dark:border-zinc-800 dark:bg-zinc-900 dark:target:border-amber-400"
    >
      {post.isDeleted || post.isWithheld ? (
        <p className="text-zinc-600 italic dark:text-zinc-400">{post.isDeleted ? t("deletedPost") : t("withheldPost")}</p>
      ) : (
        <>
          {post.visibility !== "VISIBLE" && (
            // Only the author and moderators get here: say why others do not see it.
            <p className="mb-2 rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100">
              {post.visibility === "PENDING_REVIEW" ? t("pendingReviewNotice") : t("hiddenNotice")}
            </p>
          )}
          <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            {post.authorId ? (
              <Link href={memberPath(post.authorId)} className="font-semibold text-zinc-900 underline-offset-4 hover:underline dark:text-zinc-100">
                {authorName}
              </Link>
            ) : (
              <span className="font-semibold text-zinc-900 dark:text-zinc-100">{authorName}</span>
            )}
            {isVerifiedOwner && (
              <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900 dark:bg-sky-900/60 dark:text-sky-100">
                {t("verifiedOwner")}
              </span>
            )}
            <Link href={postPath(threadId, threadSlug, post.id)} className="underline-offset-4 hover:underline" title={t("permalink")}>
              <time dateTime={post.createdAt.toISOString()}>{format.dateTime(post.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              <span className="sr-only"> — {t("permalink")}</span>
            </Link>
            {post.editedAt && <span>({t("edited")})</span>}
            {isAccepted && (
              <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100">
                <span aria-hidden="true">✓ </span>
                {t("acceptedAnswer")}
              </span>
            )}
          </header>
          {context && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{context}</p>}
          <div className="prose-post mt-2 break-words" dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? "" }} />
        </>
      )}
      {!post.isDeleted && !post.isWithheld && reactions && <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">{reactions}</div>}
      {!post.isDeleted && !post.isWithheld && actions}
    </article>
  );
}
