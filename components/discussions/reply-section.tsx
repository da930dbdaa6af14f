import { getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/text-link";
import { threadPath } from "@/lib/discussions/discussion-paths";
import { getThreadWriteState } from "@/server/discussions/get-thread-write-state";
import { getViewerWriteRole } from "@/server/discussions/get-viewer-write-role";
import { ReplyForm } from "./reply-form";

type ReplySectionProps = {
  threadId: string;
  threadSlug: string;
  /** Set for the "Reply" under one post; absent for the reply box at the end of the thread. */
  parentPostId?: string;
};

/**
 * Where a reader replies: the reply form for a member on an open thread, otherwise why they
 * can't (and the way to sign in or join). Under a post it sits in a closed "Reply" disclosure so
 * a long thread isn't a wall of forms. Reading the state is cached per request.
 */
export async function ReplySection({ threadId, threadSlug, parentPostId }: ReplySectionProps) {
  const [t, thread, viewer] = await Promise.all([getTranslations("discussions.write"), getThreadWriteState(threadId), getViewerWriteRole()]);
  if (!thread) return null;
  // A closed thread says so once, at the end, not under every post.
  if (thread.deleted || thread.locked) {
    return parentPostId ? null : <p className="mt-6 text-zinc-700 dark:text-zinc-300">{thread.deleted ? t("reply.deleted") : t("reply.locked")}</p>;
  }

  let content;
  if (viewer.kind === "signedOut") {
    content = (
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        {t("reply.signInExplain")}{" "}
        <TextLink href={`/signin?callbackUrl=${encodeURIComponent(threadPath(threadId, threadSlug))}`}>{t("reply.signInToReply")}</TextLink>
      </p>
    );
  } else if (viewer.kind === "nonMember") {
    content = (
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        {t("reply.joinExplain")} <TextLink href="/join">{t("reply.joinToReply")}</TextLink>
      </p>
    );
  } else {
    content = <ReplyForm threadId={threadId} parentPostId={parentPostId} />;
  }

  if (parentPostId) {
    return (
      <details className="mt-2">
        <summary className="inline-block cursor-pointer rounded-md px-1 text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
          {t("reply.disclosure")}
        </summary>
        {content}
      </details>
    );
  }
  return (
    <section aria-labelledby="reply-heading" className="mt-8">
      <h2 id="reply-heading" className="text-lg font-semibold">
        {t("reply.heading")}
      </h2>
      {content}
    </section>
  );
}
