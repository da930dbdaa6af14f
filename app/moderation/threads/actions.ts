"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fieldErrorsFrom, type ActionResult } from "@/lib/action-result";
import { threadPath } from "@/lib/discussions/discussion-paths";
import { formFieldsOf } from "@/lib/discussions/post-fields-schema";
import { MERGE_THREAD_FIELDS, mergeThreadSchema, MOVE_THREAD_FIELDS, moveThreadSchema, THREAD_TOGGLE_FIELDS, threadToggleSchema } from "@/lib/moderation/thread-action-schemas";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { getRequestId } from "@/server/http/get-request-id";
import { lockThread } from "@/server/moderation/lock-thread";
import { mergeThread } from "@/server/moderation/merge-thread";
import { moveThread } from "@/server/moderation/move-thread";
import { pinThread } from "@/server/moderation/pin-thread";
import { toFailedModerationAction } from "@/server/moderation/to-failed-moderation-action";

type Result = ActionResult<{ message: string }>;

// Each server function checks the permission itself; actions pass the signed-in person's id along.
const actorId = async () => (await getCurrentUser())?.id ?? null;

async function invalid(error: Parameters<typeof fieldErrorsFrom>[0]): Promise<Result> {
  const t = await getTranslations("moderation");
  return { ok: false, fieldErrors: fieldErrorsFrom(error, (key) => t(key)) };
}

/** The thread page, and the lists that order by pin or group by product. */
function revalidateThread(threadId: string, threadSlug: string) {
  revalidatePath(threadPath(threadId, threadSlug));
  revalidatePath("/", "layout");
}

export async function lockThreadAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const parsed = threadToggleSchema.safeParse(formFieldsOf(formData, THREAD_TOGGLE_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { threadId, state, reason } = parsed.data;
    const result = await lockThread({ actorId: await actorId(), threadId, locked: state, reason, requestId: await getRequestId() });
    revalidateThread(result.threadId, result.threadSlug);
    const t = await getTranslations("moderation.thread");
    return { ok: true, data: { message: t(state ? "lock.done" : "unlock.done") } };
  } catch (error) {
    return toFailedModerationAction(error, "Locking a thread");
  }
}

export async function pinThreadAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const parsed = threadToggleSchema.safeParse(formFieldsOf(formData, THREAD_TOGGLE_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { threadId, state, reason } = parsed.data;
    const result = await pinThread({ actorId: await actorId(), threadId, pinned: state, reason, requestId: await getRequestId() });
    revalidateThread(result.threadId, result.threadSlug);
    const t = await getTranslations("moderation.thread");
    return { ok: true, data: { message: t(state ? "pin.done" : "unpin.done") } };
  } catch (error) {
    return toFailedModerationAction(error, "Pinning a thread");
  }
}

export async function moveThreadAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const parsed = moveThreadSchema.safeParse(formFieldsOf(formData, MOVE_THREAD_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await moveThread({ actorId: await actorId(), ...parsed.data, requestId: await getRequestId() });
    revalidateThread(result.threadId, result.threadSlug);
    const t = await getTranslations("moderation.thread");
    return { ok: true, data: { message: t(result.changed ? "move.done" : "move.unchanged") } };
  } catch (error) {
    return toFailedModerationAction(error, "Moving a thread");
  }
}

/** On success the duplicate's page is gone: the moderator lands on the thread it was merged into. */
export async function mergeThreadAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const parsed = mergeThreadSchema.safeParse(formFieldsOf(formData, MERGE_THREAD_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  let merged: Awaited<ReturnType<typeof mergeThread>>;
  try {
    merged = await mergeThread({
      actorId: await actorId(),
      sourceThreadId: parsed.data.threadId,
      targetThreadId: parsed.data.target,
      reason: parsed.data.reason,
      requestId: await getRequestId(),
    });
  } catch (error) {
    return toFailedModerationAction(error, "Merging threads");
  }
  revalidateThread(merged.sourceThreadId, merged.sourceThreadSlug);
  revalidateThread(merged.threadId, merged.threadSlug);
  redirect(threadPath(merged.threadId, merged.threadSlug));
}
