"use client";

import { useTranslations } from "next-intl";
import { setPostVoteAction } from "@/app/t/[id]/[slug]/reaction-actions";
import { TextLink } from "@/components/ui/text-link";
import { discussionQueryKeys, type PostVoteState, type ReactionAccess } from "@/lib/discussions/query-keys";
import { ReactionToggle, useReactionState } from "./reaction-toggle";

type HelpfulVoteButtonProps = {
  postId: string;
  /** The viewer's vote and the post's count as the server rendered them. */
  initial: PostVoteState;
  /** vote: a member on someone else's post · signIn / join: a link instead · readOnly: the author sees the count only. */
  access: ReactionAccess;
  /** Sign-in address that comes back to the thread. */
  signInHref: string;
};

/**
 * "Helpful · 3" under a post: a toggle button (aria-pressed) for members, updated at once and
 * corrected by the server's count; clicks on one post are sent in order and the last one wins.
 * Others see the count and how to take part.
 */
export function HelpfulVoteButton({ postId, initial, access, signInHref }: HelpfulVoteButtonProps) {
  const t = useTranslations("discussions.react");
  const { state, set, error } = useReactionState<PostVoteState>({
    queryKey: discussionQueryKeys.postVote(postId),
    scopeId: `post-vote:${postId}`,
    initial,
    isOn: (current) => current.helpful,
    optimistic: (current, on) => ({ helpful: on, helpfulCount: Math.max(0, current.helpfulCount + (on ? 1 : -1)) }),
    send: async (on) => {
      const result = await setPostVoteAction({ postId, helpful: on });
      return result.ok && result.data ? { data: result.data } : { failed: result.ok ? undefined : (result.formError ?? Object.values(result.fieldErrors ?? {}).flat()[0]) };
    },
    fallbackError: t("failed"),
  });
  const count = state.helpfulCount;

  if (access === "vote") {
    return (
      <ReactionToggle
        pressed={state.helpful}
        onToggle={() => set(!state.helpful)}
        label={t("helpful")}
        count={count}
        accessibleName={t("helpfulName", { count })}
        error={error}
      />
    );
  }
  if (count === 0 && access === "readOnly") return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
      {count > 0 && <span>{t("helpfulCount", { count })}</span>}
      {access === "signIn" && <TextLink href={signInHref}>{t("signInToVote")}</TextLink>}
      {access === "join" && <TextLink href="/join">{t("joinToVote")}</TextLink>}
    </span>
  );
}
