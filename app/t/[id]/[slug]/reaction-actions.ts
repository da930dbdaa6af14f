"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { threadPath } from "@/lib/discussions/discussion-paths";
import { meTooSchema, postVoteSchema } from "@/lib/discussions/reaction-schemas";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { setMeToo } from "@/server/discussions/set-me-too";
import { setPostVote } from "@/server/discussions/set-post-vote";
import { toFailedAction } from "@/server/discussions/to-failed-action";

// Called from the vote buttons' React Query mutations with a plain object (not a form). Each server
// function checks sign-in, membership and rights itself; the action only passes the signed-in
// person's id along (null when signed out).
const actorId = async () => (await getCurrentUser())?.id ?? null;

async function invalidInput(issues: { message: string }[]): Promise<ActionResult<never>> {
  const t = await getTranslations("discussions");
  const key = issues[0]?.message;
  return { ok: false, formError: t(key?.startsWith("write.errors.") ? key : "write.errors.unexpected") };
}

/** Sets (not toggles) the signed-in member's "helpful" vote on a post. */
export async function setPostVoteAction(input: unknown): Promise<ActionResult<{ helpful: boolean; helpfulCount: number }>> {
  const parsed = postVoteSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  try {
    const result = await setPostVote({ actorId: await actorId(), ...parsed.data });
    revalidatePath(threadPath(result.threadId, result.threadSlug));
    return { ok: true, data: { helpful: result.helpful, helpfulCount: result.helpfulCount } };
  } catch (error) {
    return toFailedAction(error, "Voting on a post");
  }
}

/** Sets (not toggles) the signed-in member's "I have this question too" on a question. */
export async function setMeTooAction(input: unknown): Promise<ActionResult<{ meToo: boolean; meTooCount: number }>> {
  const parsed = meTooSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  try {
    const result = await setMeToo({ actorId: await actorId(), ...parsed.data });
    revalidatePath(threadPath(result.threadId, result.threadSlug));
    return { ok: true, data: { meToo: result.meToo, meTooCount: result.meTooCount } };
  } catch (error) {
    return toFailedAction(error, "Saying “I have this question too”");
  }
}
