"use client";

import { useTranslations } from "next-intl";
import { setMeTooAction } from "@/app/t/[id]/[slug]/reaction-actions";
import { TextLink } from "@/components/ui/text-link";
import { discussionQueryKeys, type MeTooState, type ReactionAccess } from "@/lib/discussions/query-keys";
import { ReactionToggle, useReactionState } from "./reaction-toggle";

type MeTooButtonProps = {
  threadId: string;
  /** Whether the viewer said so, and the thread's count, as the server rendered them. */
  initial: MeTooState;
  /** vote: a member on someone else's question · signIn / join: a link instead · readOnly: the asker sees the count only. */
  access: ReactionAccess;
  /** Sign-in address that comes back to the thread. */
  signInHref: string;
};

/**
 * "I have this question too · 3" under a question: a toggle button (aria-pressed) for members,
 * optimistic like the helpful vote. It subscribes nobody to anything. Others see the count.
 */
export function MeTooButton({ threadId, initial, access, signInHref }: MeTooButtonProps) {
  const t = useTranslations("discussions");
  const { state, set, error } = useReactionState<MeTooState>({
    queryKey: discussionQueryKeys.meToo(threadId),
    scopeId: `me-too:${threadId}`,
    initial,
    isOn: (current) => current.meToo,
    optimistic: (current, on) => ({ meToo: on, meTooCount: Math.max(0, current.meTooCount + (on ? 1 : -1)) }),
    send: async (on) => {
      const result = await setMeTooAction({ threadId, meToo: on });
      return result.ok && result.data ? { data: result.data } : { failed: result.ok ? undefined : (result.formError ?? Object.values(result.fieldErrors ?? {}).flat()[0]) };
    },
    fallbackError: t("react.failed"),
  });
  const count = state.meTooCount;

  if (access === "vote") {
    return (
      <ReactionToggle
        pressed={state.meToo}
        onToggle={() => set(!state.meToo)}
        label={t("react.meToo")}
        count={count}
        accessibleName={t("react.meTooName", { count })}
        error={error}
      />
    );
  }
  if (count === 0 && access === "readOnly") return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
      {count > 0 && <span>{t("read.meToo", { count })}</span>}
      {access === "signIn" && <TextLink href={signInHref}>{t("react.signInToVote")}</TextLink>}
      {access === "join" && <TextLink href="/join">{t("react.joinToVote")}</TextLink>}
    </span>
  );
}
