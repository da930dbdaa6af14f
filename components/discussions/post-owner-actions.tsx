import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { acceptAnswerAction, deletePostAction, unacceptAnswerAction } from "@/app/t/[id]/[slug]/actions";
import { FlagPostForm } from "@/components/moderation/flag-post-form";
import { TextLink } from "@/components/ui/text-link";
import { editPostPath, postRevisionsPath } from "@/lib/discussions/post-edit-paths";
import { findPostPermissionFacts } from "@/server/discussions/find-post-permission-facts";
import { getViewerWriteRole } from "@/server/discussions/get-viewer-write-role";
import { PostActionForm } from "./post-action-form";

/**
 * What the viewer may do with a post: Edit (author), Delete (author or moderator), Accept /
 * Unaccept (the question's author or a moderator, on replies to a question), and the public
 * Revisions link once the post was edited. Mirrors the server functions' rules, which decide
 * again on every action; the facts for all posts of a page come from one batched query.
 */
export async function PostOwnerActions({ postId, revisionsHref }: { postId: string; revisionsHref: string | null }) {
  const [viewer, t] = await Promise.all([getViewerWriteRole(), getTranslations("discussions.write")]);
  // A signed-out reader may only follow the Revisions link (the page knows whether the post was
  // edited): no permission facts to look up for the readers most pages are served to.
  if (viewer.kind === "signedOut") return revisionsHref ? <PostActionsGroup label={t("owner.label")}>{revisionsLink(revisionsHref, t("owner.revisions"))}</PostActionsGroup> : null;
  const post = await findPostPermissionFacts(postId);
  if (!post || post.deletedAt || post.thread.deletedAt) return null;
  const { thread } = post;
  const member = viewer.kind === "member" ? viewer : null;
  const isAuthor = member?.userId === post.authorId;
  const canDelete = member !== null && (isAuthor || member.isModerator);
  const canAccept = member !== null && thread.kind === "QUESTION" && !post.isOpening && (member.userId === thread.authorId || member.isModerator);
  const isAccepted = thread.acceptedPostId === post.id;
  // Members flag other people's posts (moderators act from the queue instead of flagging hidden ones).
  const canFlag = member !== null && !isAuthor && post.visibility === "VISIBLE";
  if (!isAuthor && !canDelete && !canAccept && !canFlag && !post.editedAt) return null;

  return (
    <PostActionsGroup label={t("owner.label")}>
      {canAccept &&
        (isAccepted ? (
          <PostActionForm postId={post.id} action={unacceptAnswerAction} label={t("owner.unaccept")} pendingLabel={t("owner.working")} />
        ) : (
          <PostActionForm postId={post.id} action={acceptAnswerAction} label={t("owner.accept")} pendingLabel={t("owner.working")} />
        ))}
      {isAuthor && (
        <TextLink href={editPostPath(thread.id, thread.slug, post.id)} className="py-2">
          {t("owner.edit")}
        </TextLink>
      )}
      {post.editedAt && revisionsLink(postRevisionsPath(thread.id, thread.slug, post.id), t("owner.revisions"))}
      {canDelete && (
        <details className="py-2">
          <summary className="cursor-pointer font-medium text-red-700 hover:underline dark:text-red-400">{t("owner.delete")}</summary>
          <div className="mt-2 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
            <p className="mb-2 text-zinc-700 dark:text-zinc-300">{t("owner.deleteExplain")}</p>
            <PostActionForm postId={post.id} action={deletePostAction} label={t("owner.deleteConfirm")} pendingLabel={t("owner.deleting")} />
          </div>
        </details>
      )}
      {canFlag && <FlagPostForm postId={post.id} />}
    </PostActionsGroup>
  );
}

function PostActionsGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="mt-2 flex flex-wrap items-start gap-x-4 gap-y-2 text-sm">
      {children}
    </div>
  );
}

function revisionsLink(href: string, label: string) {
  return (
    <TextLink href={href} className="py-2">
      {label}
    </TextLink>
  );
}
