"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import {
  emailDeliverySchema,
  emailPausedChangeSchema,
  personalChannelChangeSchema,
  stopSubscriptionsSchema,
  unsubscribeFromAllSchema,
} from "@/lib/preferences/preference-center-schemas";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { getRequestId } from "@/server/http/get-request-id";
import type { PreferenceActor } from "@/server/preferences/preference-actor";
import { toFailedPreferenceAction } from "@/server/preferences/preferences-error-key";
import { setEmailDelivery, type EmailDeliveryView } from "@/server/preferences/set-email-delivery";
import { setEmailPaused } from "@/server/preferences/set-email-paused";
import { setPersonalEventChannel } from "@/server/preferences/set-personal-event-channel";
import { stopAlertSubscriptions } from "@/server/preferences/stop-alert-subscriptions";
import { unsubscribeFromAllEmail } from "@/server/preferences/unsubscribe-from-all-email";

// The preference center of the signed-in person. Each action: parse with the shared schema →
// the server function (which locks and authorizes the subject itself: signed in, raising needs
// membership) → revalidate → ActionResult. Level and e-mail changes on one subscription go
// through setAlertSubscriptionAction (app/preferences/alert-actions.ts), shared with the Watch menu.

const PAGE = "/account/preferences";
const SOURCE = "PREFERENCE_CENTER" as const;

async function sessionActor(): Promise<PreferenceActor> {
  const user = await getCurrentUser();
  return { via: "session", userId: user?.id ?? null };
}

async function invalidInput<T>(): Promise<ActionResult<T>> {
  const t = await getTranslations("preferences");
  return { ok: false, formError: t("errors.INVALID_INPUT") };
}

/** One personal event's in-app or e-mail switch (an optimistic toggle on the page). */
export async function setPersonalChannelAction(input: unknown): Promise<ActionResult<{ inApp: boolean; email: boolean }>> {
  const parsed = personalChannelChangeSchema.safeParse(input);
  if (!parsed.success) return invalidInput();
  try {
    const result = await setPersonalEventChannel({ actor: await sessionActor(), ...parsed.data, source: SOURCE, requestId: await getRequestId() });
    if (result.changed) revalidatePath(PAGE);
    return { ok: true, data: { inApp: result.inApp, email: result.email } };
  } catch (error) {
    return toFailedPreferenceAction(error, "Changing a personal notification switch");
  }
}

/** "Pause all e-mail" on or off (resuming needs membership). */
export async function setEmailPausedAction(input: unknown): Promise<ActionResult<{ paused: boolean }>> {
  const parsed = emailPausedChangeSchema.safeParse(input);
  if (!parsed.success) return invalidInput();
  try {
    const result = await setEmailPaused({ actor: await sessionActor(), ...parsed.data, source: SOURCE, requestId: await getRequestId() });
    if (result.changed) revalidatePath(PAGE);
    return { ok: true, data: { paused: result.paused } };
  } catch (error) {
    return toFailedPreferenceAction(error, "Pausing or resuming e-mail");
  }
}

/** Frequency, hour, weekday and time zone of alert e-mails (not a consent event). */
export async function setEmailDeliveryAction(input: unknown): Promise<ActionResult<EmailDeliveryView>> {
  const parsed = emailDeliverySchema.safeParse(input);
  if (!parsed.success) return invalidInput();
  try {
    const result = await setEmailDelivery({ actor: await sessionActor(), ...parsed.data });
    revalidatePath(PAGE);
    return { ok: true, data: result };
  } catch (error) {
    return toFailedPreferenceAction(error, "Changing e-mail delivery");
  }
}

/** E-mail off everywhere at once (subscriptions and personal events); in-app and levels stay. */
export async function unsubscribeFromAllAction(input: unknown): Promise<ActionResult<{ withdrawn: number }>> {
  const parsed = unsubscribeFromAllSchema.safeParse(input);
  if (!parsed.success) return invalidInput();
  try {
    const result = await unsubscribeFromAllEmail({ actor: await sessionActor(), ...parsed.data, source: SOURCE, requestId: await getRequestId() });
    revalidatePath(PAGE);
    return { ok: true, data: result };
  } catch (error) {
    return toFailedPreferenceAction(error, "Unsubscribing from all e-mail");
  }
}

/** "Stop" on one subscription, or "Stop all": back to Normal (Muted rows stay). */
export async function stopSubscriptionsAction(input: unknown): Promise<ActionResult<{ stopped: number }>> {
  const parsed = stopSubscriptionsSchema.safeParse(input);
  if (!parsed.success) return invalidInput();
  try {
    const result = await stopAlertSubscriptions({ actor: await sessionActor(), ...parsed.data, source: SOURCE, requestId: await getRequestId() });
    revalidatePath(PAGE);
    return { ok: true, data: result };
  } catch (error) {
    return toFailedPreferenceAction(error, "Stopping alert subscriptions");
  }
}
