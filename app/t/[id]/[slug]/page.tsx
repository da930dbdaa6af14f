import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { HelpfulVoteButton } from "@/components/discussions/helpful-vote-button";
import { LiveThreadUpdates } from "@/components/discussions/live-thread-updates";
import { ThreadModerationTools } from "@/components/moderation/thread-moderation-tools";
import { MeTooButton } from "@/components/discussions/me-too-button";
import { PostOwnerActions } from "@/components/discussions/post-owner-actions";
import { PostView } from "@/components/discussions/post-view";
import { ReplySection, replyUnderPost } from "@/components/discussions/reply-section";
import { ReplyTree } from "@/components/discussions/reply-tree";
import { SolvedBadge } from "@/components/discussions/solved-badge";
import { ThreadJsonLd } from "@/components/discussions/thread-json-ld";
import { WatchControl } from "@/components/preferences/watch-control";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Pagination } from "@/components/ui/pagination";
import { categoryPath, productPath } from "@/lib/catalog/catalog-paths";
import { threadPath } from "@/lib/discussions/discussion-paths";
import { postRevisionsPath } from "@/lib/discussions/post-edit-paths";
import { htmlToText, toExcerpt } from "@/lib/discussions/html-to-excerpt";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { findReplyPage } from "@/server/discussions/find-reply-page";
import { findViewerReactions, reactionAccessFor, replyIdsOf } from "@/server/discussions/find-viewer-reactions";
import { findVerifiedOwners } from "@/server/discussions/find-verified-owners";
import { getPostReader } from "@/server/discussions/get-post-reader";
import { getThread } from "@/server/discussions/get-thread";
import { getViewerWriteRole } from "@/server/discussions/get-viewer-write-role";
import { listThreadReplies } from "@/server/discussions/list-thread-replies";
import { redirectMergedThread } from "@/server/moderation/redirect-merged-thread";

// Top-level replies per page, each with its whole subtree.
const TOP_LEVEL_REPLIES_PER_PAGE = 20;
const META_DESCRIPTION_LENGTH = 155;

// generateMetadata and the page both need the thread: one query per request.
// Posts waiting for review or hidden are shown to their author and moderators only (the reader).
const loadThread = cache(async (id: string) => getThread(id, await getPostReader()));

type SearchParams = Record<string, string | string[] | undefined>;
type ThreadPageProps = { params: Promise<{ id: string; slug: string }>; searchParams: Promise<SearchParams> };

function pageHref(id: string, slug: string, page: number): string {
  return page > 1 ? `${threadPath(id, slug)}?page=${page}` : threadPath(id, slug);
}

export async function generateMetadata({ params, searchParams }: ThreadPageProps): Promise<Metadata> {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const thread = await loadThread(id);
  if (!thread) {
    await redirectMergedThread(id, query.post);
    notFound();
  }
  const page = parsePageParam(query.page) ?? 1;
  return {
    title: thread.title,
    description: toExcerpt(htmlToText(thread.opening.bodyHtml ?? ""), META_DESCRIPTION_LENGTH) || thread.title,
    alternates: { canonical: pageHref(thread.id, thread.slug, page) },
  };
}

export default async function ThreadPage({ params, searchParams }: ThreadPageProps) {
  await connection();
  const [{ id, slug }, query] = await Promise.all([params, searchParams]);
  const thread = await loadThread(id);
  if (!thread) {
    // A duplicate merged into another thread: its old address (and post permalinks) lead there.
    await redirectMergedThread(id, query.post);
    notFound();
  }
  if (slug !== thread.slug) permanentRedirect(`${threadPath(thread.id, thread.slug)}${keptQuery(query)}`);

  // A permalink names a post, not a page: open the page that holds it.
  const postId = typeof query.post === "string" ? query.post : undefined;
  const permalinkPage = postId && query.page === undefined ? await findReplyPage(thread.id, postId, TOP_LEVEL_REPLIES_PER_PAGE) : null;
  const page = permalinkPage ?? parsePageParam(query.page);
  if (page === null) notFound();

  const replies = await listThreadReplies({ threadId: thread.id, page, topLevelPerPage: TOP_LEVEL_REPLIES_PER_PAGE, reader: await getPostReader() });
  if (!isPageInRange(page, replies.pageCount)) notFound();

  const authorIds = [thread.opening.authorId, thread.acceptedAnswer?.authorId, ...replies.authorIds].filter((value): value is string => !!value);
  const viewer = await getViewerWriteRole();
  const [t, verifiedOwnerIds, reactions, replyUnder] = await Promise.all([
    getTranslations("discussions.read"),
    findVerifiedOwners(thread.product.id, authorIds),
    // The viewer's own votes on this page's posts: one query, not one per post.
    findViewerReactions(viewer.kind === "member" ? viewer.userId : null, thread.id, [thread.opening.id, ...replyIdsOf(replies.replies)]),
    replyUnderPost(thread.id, thread.slug),
  ]);
  const isOwner = (authorId: string | null) => authorId !== null && verifiedOwnerIds.has(authorId);
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(threadPath(thread.id, thread.slug))}`;
  const helpfulVote = (post: { id: string; authorId: string | null; helpfulCount: number }) => {
    const access = reactionAccessFor(viewer, post.authorId);
    if (access === "readOnly" && post.helpfulCount === 0) return null;
    const initial = { helpful: reactions.helpfulPostIds.has(post.id), helpfulCount: post.helpfulCount };
    return <HelpfulVoteButton postId={post.id} initial={initial} access={access} signInHref={signInHref} />;
  };
  // Under the question, next to its helpful vote (whose link already invites others to sign in or join).
  const meTooAccess = viewer.kind === "member" ? reactionAccessFor(viewer, thread.opening.authorId) : "readOnly";
  const meToo =
    thread.kind === "QUESTION" && (meTooAccess === "vote" || thread.meTooCount > 0) ? (
      <MeTooButton threadId={thread.id} initial={{ meToo: reactions.meToo, meTooCount: thread.meTooCount }} access={meTooAccess} signInHref={signInHref} />
    ) : null;
  const openingVote = helpfulVote(thread.opening);
  const ownerActions = (post: { id: string; editedAt: Date | null }) => (
    <PostOwnerActions postId={post.id} revisionsHref={post.editedAt ? postRevisionsPath(thread.id, thread.slug, post.id) : null} />
  );
  const postActions = (post: { id: string; editedAt: Date | null }) => (
    <>
      {ownerActions(post)}
      {replyUnder(post.id)}
    </>
  );

  return (
    <>
      {thread.kind === "QUESTION" && <ThreadJsonLd thread={thread} firstReplies={page === 1 ? replies.replies : []} />}
      <Breadcrumbs
        trail={[
          { label: thread.product.category.name, href: categoryPath(thread.product.category.slug) },
          { label: thread.product.name, href: productPath(thread.product.slug) },
        ]}
        current={thread.title}
      />
      <div className="max-w-3xl">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
            {t(`kind.${thread.kind}`)}
          </span>
          {thread.acceptedAnswer && <SolvedBadge />}
        </div>
        <h1 lang={thread.language} className="mt-2 text-2xl font-bold tracking-tight break-words sm:text-3xl">
          {thread.title}
        </h1>
        <WatchControl target={{ type: "thread", id: thread.id }} name={thread.title} returnTo={threadPath(thread.id, thread.slug)} />
        {/* "I have this question too" and its count sit under the question (MeTooButton). */}
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("replyCount", { count: thread.replyCount })}</p>
        {/* Shown only to holders of a thread permission. */}
        <ThreadModerationTools threadId={thread.id} />

        <div lang={thread.language} className="mt-4">
          <PostView
            post={thread.opening}
            threadId={thread.id}
            threadSlug={thread.slug}
            isVerifiedOwner={isOwner(thread.opening.authorId)}
            reactions={(openingVote || meToo) && (
              <>
                {openingVote}
                {meToo}
              </>
            )}
            actions={ownerActions(thread.opening)}
          />
        </div>

        {thread.acceptedAnswer && (
          <section aria-labelledby="accepted-heading" className="mt-6">
            <h2 id="accepted-heading" className="mb-2 flex items-center gap-2 text-lg font-semibold">
              <span aria-hidden="true" className="text-emerald-700 dark:text-emerald-400">
                ✓
              </span>
              {t("acceptedAnswer")}
            </h2>
            {/* The same post also sits in place among the replies, which carries its anchor. */}
            <div className="rounded-lg border-2 border-emerald-600 dark:border-emerald-500">
              <PostView
                post={thread.acceptedAnswer}
                threadId={thread.id}
                threadSlug={thread.slug}
                isVerifiedOwner={isOwner(thread.acceptedAnswer.authorId)}
                anchor={false}
              />
            </div>
          </section>
        )}

        <section aria-labelledby="replies-heading" className="mt-8">
          <h2 id="replies-heading" className="mb-3 text-lg font-semibold">
            {t("repliesHeading")}
          </h2>
          {replies.replies.length === 0 ? (
            <p className="text-zinc-700 dark:text-zinc-300">{t("noReplies")}</p>
          ) : (
            <ReplyTree
              replies={replies.replies}
              threadId={thread.id}
              threadSlug={thread.slug}
              verifiedOwnerIds={verifiedOwnerIds}
              acceptedPostId={thread.acceptedAnswer?.id ?? null}
              actionsFor={postActions}
              reactionsFor={helpfulVote}
            />
          )}
          <Pagination page={page} pageCount={replies.pageCount} hrefForPage={(target) => pageHref(thread.id, thread.slug, target)} />
          {/* New replies re-render this page in place (typed text survives) and are announced here. */}
          <LiveThreadUpdates threadId={thread.id} threadSlug={thread.slug} lastActivityAt={thread.lastActivityAt} />
        </section>

        <ReplySection threadId={thread.id} threadSlug={thread.slug} />
      </div>
    </>
  );
}

/** The parts of the query a canonical redirect keeps, so permalinks survive a renamed slug. */
function keptQuery(query: SearchParams): string {
  const kept = new URLSearchParams();
  for (const key of ["page", "post"]) {
    const value = query[key];
    if (typeof value === "string") kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : "";
}
