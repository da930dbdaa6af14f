"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import type { AlertState, AlertTargetType } from "@/lib/preferences/alert-vocabulary";
import { alertSubscriptionFormSchema } from "@/lib/preferences/preference-schemas";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { getRequestId } from "@/server/http/get-request-id";
import { toFailedPreferenceAction } from "@/server/preferences/preferences-error-key";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";

/** The page of each kind of target (every page of that kind: the result doesn't carry the slug). */
const TARGET_PAGE: Record<AlertTargetType, string> = { product: "/p/[slug]", category: "/c/[slug]", thread: "/t/[id]/[slug]" };
const PREFERENCE_CENTER_PATH = "/account/preferences";

/**
 * Sets the signed-in person's level and channels for one product, category or thread: from the
 * Watch menu (product, category and thread pages) and from the preference center's list. Called
 * from a React Query mutation with a plain object. setAlertSubscription authorizes (signed in;
 * raising needs membership) and ledgers the change; this only passes the session's user id along.
 */
export async function setAlertSubscriptionAction(input: unknown): Promise<ActionResult<AlertState>> {
  const parsed = alertSubscriptionFormSchema.safeParse(input);
  if (!parsed.success) {
    const t = await getTranslations("preferences");
    return { ok: false, formError: t("errors.INVALID_INPUT") };
  }
  const { targetType, targetId, level, inApp, email, source, locale, textVersions } = parsed.data;
  try {
    const user = await getCurrentUser();
    const result = await setAlertSubscription({
      actor: { via: "session", userId: user?.id ?? null },
      target: { type: targetType, id: targetId },
      change: { ...(level !== undefined && { level }), ...(inApp !== undefined && { inApp }), ...(email !== undefined && { email }) },
      source,
      locale,
      requestId: await getRequestId(),
      textVersions,
    });
    if (result.changed) {
      revalidatePath(TARGET_PAGE[targetType], "page");
      revalidatePath(PREFERENCE_CENTER_PATH);
    }
    return { ok: true, data: { level: result.level, inApp: result.inApp, email: result.email } };
  } catch (error) {
    return toFailedPreferenceAction(error, "Changing an alert subscription");
  }
}
