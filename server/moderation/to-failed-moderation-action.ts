import "server-only";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { moderationErrorMessage } from "./moderation-error-key";

/** A failed moderation action, translated for the moderator (a field error when the failure is about a field). */
export async function toFailedModerationAction(error: unknown, context: string): Promise<Extract<ActionResult, { ok: false }>> {
  const t = await getTranslations("moderation");
  const message = moderationErrorMessage(error, context);
  const text = t(message.key);
  return message.field ? { ok: false, fieldErrors: { [message.field]: [text] } } : { ok: false, formError: text };
}
