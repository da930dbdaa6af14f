"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { threadPath } from "@/lib/discussions/discussion-paths";
import { claimReviewItemSchema, resolveReviewItemsSchema } from "@/lib/moderation/review-queue-schemas";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { getRequestId } from "@/server/http/get-request-id";
import { claimReviewItem } from "@/server/moderation/claim-review-item";
import { resolveReviewItems } from "@/server/moderation/resolve-review-items";
import { toFailedModerationAction } from "@/server/moderation/to-failed-moderation-action";

const QUEUE_PATH = "/moderation/queue";

// Called from the queue's client component with plain objects. Each server function checks the
// moderator's permissions itself (read from the database); the action only passes the signed-in id.
const actorId = async () => (await getCurrentUser())?.id ?? null;

async function invalidInput(issues: { message: string }[]): Promise<Extract<ActionResult, { ok: false }>> {
  const t = await getTranslations("moderation");
  const key = issues[0]?.message;
  return { ok: false, formError: t(key?.startsWith("queue.errors.") ? key : "queue.errors.unexpected") };
}

/** Approve, hide, delete or edit one or many review items; the author of each is told why. */
export async function resolveReviewItemsAction(input: unknown): Promise<ActionResult<{ resolved: number; skipped: number }>> {
  const parsed = resolveReviewItemsSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  try {
    const result = await resolveReviewItems({ actorId: await actorId(), ...parsed.data, requestId: await getRequestId() });
    for (const thread of result.threads) revalidatePath(threadPath(thread.id, thread.slug));
    revalidatePath(QUEUE_PATH);
    return { ok: true, data: { resolved: result.resolved, skipped: result.skipped } };
  } catch (error) {
    return toFailedModerationAction(error, "Resolving review items");
  }
}

/** Claim (or release) one review item, so other moderators see who is on it. */
export async function claimReviewItemAction(input: unknown): Promise<ActionResult<{ claimedBy: { id: string; displayName: string | null } | null }>> {
  const parsed = claimReviewItemSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  try {
    const result = await claimReviewItem({ actorId: await actorId(), reviewItemId: parsed.data.id, claim: parsed.data.claim, requestId: await getRequestId() });
    revalidatePath(QUEUE_PATH);
    return { ok: true, data: result };
  } catch (error) {
    return toFailedModerationAction(error, "Claiming a review item");
  }
}
