"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fieldErrorsFrom, type ActionResult } from "@/lib/action-result";
import { ASK_FIELDS, askSchema } from "@/lib/discussions/ask-schema";
import { threadPath } from "@/lib/discussions/discussion-paths";
import { formFieldsOf } from "@/lib/discussions/post-fields-schema";
import { POST_LIMIT_MESSAGE_VALUES } from "@/lib/discussions/post-limits";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { createThread } from "@/server/discussions/create-thread";
import { toFailedAction } from "@/server/discussions/to-failed-action";

export async function askAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations("discussions");
  const parsed = askSchema.safeParse(formFieldsOf(formData, ASK_FIELDS));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, (key) => t(key, POST_LIMIT_MESSAGE_VALUES)) };
  const user = await getCurrentUser();
  let created: Awaited<ReturnType<typeof createThread>>;
  try {
    created = await createThread({ actorId: user?.id ?? null, ...parsed.data });
  } catch (error) {
    return toFailedAction(error, "Creating a thread");
  }
  // Product, category and home lists all show the new thread.
  revalidatePath("/", "layout");
  redirect(threadPath(created.threadId, created.slug));
}
