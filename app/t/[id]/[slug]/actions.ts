"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fieldErrorsFrom, type ActionResult } from "@/lib/action-result";
import { threadPath, postPath } from "@/lib/discussions/discussion-paths";
import { EDIT_POST_FIELDS, editPostSchema } from "@/lib/discussions/edit-post-schema";
import { POST_ACTION_FIELDS, postActionSchema } from "@/lib/discussions/post-action-schema";
import { formFieldsOf } from "@/lib/discussions/post-fields-schema";
import { POST_LIMIT_MESSAGE_VALUES } from "@/lib/discussions/post-limits";
import { REPLY_FIELDS, replySchema } from "@/lib/discussions/reply-schema";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { acceptAnswer } from "@/server/discussions/accept-answer";
import { deletePost } from "@/server/discussions/delete-post";
import { editPost } from "@/server/discussions/edit-post";
import { replyToPost } from "@/server/discussions/reply-to-post";
import { toFailedAction } from "@/server/discussions/to-failed-action";

// Each server function checks sign-in, membership and rights itself; actions only pass the
// signed-in person's id along (null when signed out) and never decide who may do what.
const actorId = async () => (await getCurrentUser())?.id ?? null;

async function invalid(error: Parameters<typeof fieldErrorsFrom>[0]): Promise<ActionResult<never>> {
  const t = await getTranslations("discussions");
  return { ok: false, fieldErrors: fieldErrorsFrom(error, (key) => t(key, POST_LIMIT_MESSAGE_VALUES)) };
}

/** Thread pages, and the lists that show counts and activity. */
function revalidateThread(threadId: string, threadSlug: string) {
  revalidatePath(threadPath(threadId, threadSlug));
  revalidatePath("/", "layout");
}

export async function replyAction(_previous: ActionResult<{ postId: string }> | null, formData: FormData): Promise<ActionResult<{ postId: string }>> {
  const parsed = replySchema.safeParse(formFieldsOf(formData, REPLY_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const reply = await replyToPost({ actorId: await actorId(), ...parsed.data });
    revalidateThread(reply.threadId, reply.threadSlug);
    return { ok: true, data: { postId: reply.postId } };
  } catch (error) {
    return toFailedAction(error, "Replying");
  }
}

export async function editPostAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = editPostSchema.safeParse(formFieldsOf(formData, EDIT_POST_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  let edited: Awaited<ReturnType<typeof editPost>>;
  try {
    edited = await editPost({ actorId: await actorId(), ...parsed.data });
  } catch (error) {
    return toFailedAction(error, "Editing a post");
  }
  revalidateThread(edited.threadId, edited.threadSlug);
  redirect(postPath(edited.threadId, edited.threadSlug, edited.postId));
}

export async function deletePostAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = postActionSchema.safeParse(formFieldsOf(formData, POST_ACTION_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const deleted = await deletePost({ actorId: await actorId(), postId: parsed.data.postId });
    revalidateThread(deleted.threadId, deleted.threadSlug);
    return { ok: true };
  } catch (error) {
    return toFailedAction(error, "Deleting a post");
  }
}

async function setAccepted(formData: FormData, accept: boolean): Promise<ActionResult> {
  const parsed = postActionSchema.safeParse(formFieldsOf(formData, POST_ACTION_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await acceptAnswer({ actorId: await actorId(), postId: parsed.data.postId, accept });
    revalidateThread(result.threadId, result.threadSlug);
    return { ok: true };
  } catch (error) {
    return toFailedAction(error, accept ? "Accepting an answer" : "Unaccepting an answer");
  }
}

export async function acceptAnswerAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return setAccepted(formData, true);
}

export async function unacceptAnswerAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return setAccepted(formData, false);
}
