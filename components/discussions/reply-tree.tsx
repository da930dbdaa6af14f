import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { TextLink } from "@/components/ui/text-link";
import { postPath } from "@/lib/discussions/discussion-paths";
import type { ReplyNode } from "@/server/discussions/list-thread-replies";
import { PostView } from "./post-view";

type ReplyTreeProps = {
  replies: ReplyNode[];
  threadId: string;
  threadSlug: string;
  verifiedOwnerIds: Set<string>;
  acceptedPostId: string | null;
  /** Actions under each post (rendered by the page, which knows the write side's components). */
  actionsFor: (reply: ReplyNode) => ReactNode;
  /** Helpful vote under each post (the page knows the viewer and their votes). */
  reactionsFor?: (reply: ReplyNode) => ReactNode;
};

/**
 * Replies as nested lists, at most three levels deep (the tree already lists deeper replies flat
 * under their depth-3 ancestor). Indentation shrinks on narrow screens so text keeps its width.
 */
export function ReplyTree({ replies, threadId, threadSlug, verifiedOwnerIds, acceptedPostId, actionsFor, reactionsFor }: ReplyTreeProps) {
  const t = useTranslations("discussions.read");
  return (
    <ol className="space-y-3">
      {replies.map((reply) => (
        <li key={reply.id}>
          <PostView
            post={reply}
            threadId={threadId}
            threadSlug={threadSlug}
            isVerifiedOwner={reply.authorId !== null && verifiedOwnerIds.has(reply.authorId)}
            actions={actionsFor(reply)}
            reactions={reactionsFor?.(reply)}
            isAccepted={reply.id === acceptedPostId}
            context={
              reply.inReplyTo && (
                <TextLink href={postPath(threadId, threadSlug, reply.inReplyTo.postId)}>
                  {t("inReplyTo", {
                    name: reply.inReplyTo.isDeleted ? t("deletedPost") : (reply.inReplyTo.authorName ?? t("formerMember")),
                  })}
                </TextLink>
              )
            }
          />
          {reply.children.length > 0 && (
            <div className="mt-3 border-l-2 border-zinc-200 pl-2 sm:pl-5 dark:border-zinc-700">
              <ReplyTree
                replies={reply.children}
                threadId={threadId}
                threadSlug={threadSlug}
                verifiedOwnerIds={verifiedOwnerIds}
                acceptedPostId={acceptedPostId}
                actionsFor={actionsFor}
                reactionsFor={reactionsFor}
              />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
