"use server";

import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { postDevOneClickUnsubscribe, type DevOneClickOutcome } from "@/server/mail/post-dev-one-click-unsubscribe";

/** Development mailbox: the one-click unsubscribe POST a mail client would send for this message. */
export async function oneClickUnsubscribeAction(mailId: string, _previous: ActionResult<DevOneClickOutcome> | null): Promise<ActionResult<DevOneClickOutcome>> {
  const t = await getTranslations("email.devMailbox");
  try {
    const outcome = await postDevOneClickUnsubscribe(mailId);
    return outcome ? { ok: true, data: outcome } : { ok: false, formError: t("unavailable") };
  } catch (error) {
    console.error("[entraide] development one-click unsubscribe failed:", error);
    return { ok: false, formError: t("failed") };
  }
}
