import "server-only";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { discussionErrorMessage } from "./discussion-error-key";

/** A failed discussion action, translated for the person (field error when the failure is about a field). */
export async function toFailedAction(error: unknown, context: string): Promise<Extract<ActionResult, { ok: false }>> {
  const t = await getTranslations("discussions");
  const message = discussionErrorMessage(error, context);
  const text = message.values ? t(message.key, message.values) : t(message.key);
  return message.field ? { ok: false, fieldErrors: { [message.field]: [text] } } : { ok: false, formError: text };
}
