"use server";

import { getTranslations } from "next-intl/server";
import { fieldErrorsFrom, type ActionResult } from "@/lib/action-result";
import { formFieldsOf } from "@/lib/discussions/post-fields-schema";
import { FLAG_POST_FIELDS, flagPostSchema } from "@/lib/moderation/flag-post-schema";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { flagErrorMessage } from "@/server/moderation/flag-error-key";
import { flagPost } from "@/server/moderation/flag-post";

/**
 * A member flags a post (the "Flag" disclosure under every post). Lives with the queue it feeds;
 * flagPost checks membership, ownership, the one-flag rule and the rate limit itself. The page is
 * not revalidated: the flagger keeps reading, and a post hidden by the threshold disappears for
 * others on their next load.
 */
export async function flagPostAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations("moderation");
  const parsed = flagPostSchema.safeParse(formFieldsOf(formData, FLAG_POST_FIELDS));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, (key) => t(key)) };
  try {
    const actorId = (await getCurrentUser())?.id ?? null;
    await flagPost({ actorId, ...parsed.data });
    return { ok: true };
  } catch (error) {
    const message = flagErrorMessage(error);
    const text = message.values ? t(message.key, message.values) : t(message.key);
    return message.field ? { ok: false, fieldErrors: { [message.field]: [text] } } : { ok: false, formError: text };
  }
}
