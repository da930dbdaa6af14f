import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/text-link";
import { threadPath } from "@/lib/discussions/discussion-paths";
import { getThreadWriteState } from "@/server/discussions/get-thread-write-state";
import { getViewerWriteRole } from "@/server/discussions/get-viewer-write-role";
import { ReplyDisclosure } from "./reply-disclosure";
import { ReplyForm } from "./reply-form";

type ReplySectionProps = { threadId: string; threadSlug: string };

/** Why a reader can't reply (and the way to sign in or join), or null for a member. */
async function replyInvitation(threadId: string, threadSlug: string): Promise<ReactNode> {
  const [t, viewer] = await Promise.all([getTranslations("discussions.write"), getViewerWriteRole()]);
  if (viewer.kind === "signedOut") {
    return (
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        {t("reply.signInExplain")}{" "}
        <TextLink href={`/signin?callbackUrl=${encodeURIComponent(threadPath(threadId, threadSlug))}`}>{t("reply.signInToReply")}</TextLink>
      </p>
    );
  }
  if (viewer.kind === "nonMember") {
    return (
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        {t("reply.joinExplain")} <TextLink href="/join">{t("reply.joinToReply")}</TextLink>
      </p>
    );
  }
  return null;
}

/**
 * The "Reply" under each post, decided once per page rather than once per post: nothing on a
 * closed thread (the end of the thread says why, once), the lazily mounted form for a member,
 * and for others one closed disclosure with the way to sign in or join, the same element under
 * every post.
 */
export async function replyUnderPost(threadId: string, threadSlug: string): Promise<(postId: string) => ReactNode> {
  const [t, thread, invitation] = await Promise.all([getTranslations("discussions.write"), getThreadWriteState(threadId), replyInvitation(threadId, threadSlug)]);
  if (!thread || thread.deleted || thread.locked) return () => null;
  if (!invitation) return (postId) => <ReplyDisclosure threadId={threadId} parentPostId={postId} />;
  const disclosure = (
    <details className="mt-2">
      <summary className="inline-block cursor-pointer rounded-md px-1 text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
        {t("reply.disclosure")}
      </summary>
      {invitation}
    </details>
  );
  return () => disclosure;
}

/**
 * Where a reader replies at the end of a thread: the reply form for a member on an open thread,
 * otherwise why they can't (and the way to sign in or join). Reading the state is cached per
 * request.
 */
export async function ReplySection({ threadId, threadSlug }: ReplySectionProps) {
  const [t, thread, invitation] = await Promise.all([getTranslations("discussions.write"), getThreadWriteState(threadId), replyInvitation(threadId, threadSlug)]);
  if (!thread) return null;
  if (thread.deleted || thread.locked) {
    return <p className="mt-6 text-zinc-700 dark:text-zinc-300">{thread.deleted ? t("reply.deleted") : t("reply.locked")}</p>;
  }
  const content = invitation ?? <ReplyForm threadId={threadId} />;
  return (
    <section aria-labelledby="reply-heading" className="mt-8">
      <h2 id="reply-heading" className="text-lg font-semibold">
        {t("reply.heading")}
      </h2>
      {content}
    </section>
  );
}
