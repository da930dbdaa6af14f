"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import type { AlertState } from "@/lib/preferences/alert-vocabulary";
import {
  linkLowerSubscriptionSchema,
  linkPauseEmailSchema,
  linkPersonalEmailOffSchema,
  linkStopSubscriptionsSchema,
  linkUnsubscribeFromAllSchema,
} from "@/lib/preferences/preference-center-schemas";
import { getRequestId } from "@/server/http/get-request-id";
import { takeVisitorRateLimit } from "@/server/http/rate-limit-visitor";
import type { PreferenceActor } from "@/server/preferences/preference-actor";
import { toFailedPreferenceAction } from "@/server/preferences/preferences-error-key";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { setEmailPaused } from "@/server/preferences/set-email-paused";
import { setPersonalEventChannel } from "@/server/preferences/set-personal-event-channel";
import { stopAlertSubscriptions } from "@/server/preferences/stop-alert-subscriptions";
import { unsubscribeFromAllEmail } from "@/server/preferences/unsubscribe-from-all-email";
import { verifyPreferenceToken } from "@/server/preferences/verify-preference-token";

// The preference center opened from the signed link in an e-mail, without signing in. Every
// action verifies the token it was sent (never trusts the page), then acts as
// { via: "emailLink", userId }: the server functions let that actor only lower, stop, pause or
// unsubscribe, and ledger it with source EMAIL_PREFERENCE_LINK on channel EMAIL.

const PAGE = "/preferences/[token]";
// Recorded only for signed-in changes; server functions replace it with EMAIL_PREFERENCE_LINK here.
const SOURCE = "PREFERENCE_CENTER" as const;

type Failed = Extract<ActionResult, { ok: false }>;

/** The actor a token stands for, or the one failure every bad token gets (forged, truncated, unknown…). */
async function linkActor(token: string): Promise<PreferenceActor | Failed> {
  // Per IP (policy "preference-link"), before the token is even looked at.
  const limit = await takeVisitorRateLimit("preference-link");
  if (!limit.allowed) return { ok: false, formError: (await getTranslations("errors.tooManyRequests"))("action", { seconds: limit.retryAfterSeconds }) };
  const recipient = await verifyPreferenceToken(token);
  if (recipient) return { via: "emailLink", userId: recipient.userId };
  const t = await getTranslations("preferences");
  return { ok: false, formError: t("errors.invalidLink") };
}

const isFailed = (value: PreferenceActor | Failed): value is Failed => "ok" in value;

async function invalidInput(): Promise<Failed> {
  const t = await getTranslations("preferences");
  return { ok: false, formError: t("errors.INVALID_INPUT") };
}

export async function stopSubscriptionsByLinkAction(input: unknown): Promise<ActionResult<{ stopped: number }>> {
  const parsed = linkStopSubscriptionsSchema.safeParse(input);
  if (!parsed.success) return invalidInput();
  const { token, ...request } = parsed.data;
  try {
    const actor = await linkActor(token);
    if (isFailed(actor)) return actor;
    const result = await stopAlertSubscriptions({ actor, ...request, source: SOURCE, requestId: await getRequestId() });
    revalidatePath(PAGE, "page");
    return { ok: true, data: result };
  } catch (error) {
    return toFailedPreferenceAction(error, "Stopping alert subscriptions from an e-mail link");
  }
}

/** A lower level or e-mail off on one subscription; anything that raises is refused by setAlertSubscription. */
export async function lowerSubscriptionByLinkAction(input: unknown): Promise<ActionResult<AlertState>> {
  const parsed = linkLowerSubscriptionSchema.safeParse(input);
  if (!parsed.success || (parsed.data.level === undefined && parsed.data.email === undefined)) return invalidInput();
  const { token, targetType, targetId, level, email, locale, textVersions } = parsed.data;
  try {
    const actor = await linkActor(token);
    if (isFailed(actor)) return actor;
    const result = await setAlertSubscription({
      actor,
      target: { type: targetType, id: targetId },
      change: { ...(level !== undefined && { level }), ...(email !== undefined && { email }) },
      source: SOURCE,
      locale,
      requestId: await getRequestId(),
      textVersions,
    });
    if (result.changed) revalidatePath(PAGE, "page");
    return { ok: true, data: { level: result.level, inApp: result.inApp, email: result.email } };
  } catch (error) {
    return toFailedPreferenceAction(error, "Lowering an alert subscription from an e-mail link");
  }
}

export async function turnOffPersonalEmailByLinkAction(input: unknown): Promise<ActionResult<{ inApp: boolean; email: boolean }>> {
  const parsed = linkPersonalEmailOffSchema.safeParse(input);
  if (!parsed.success) return invalidInput();
  const { token, event, locale, textVersions } = parsed.data;
  try {
    const actor = await linkActor(token);
    if (isFailed(actor)) return actor;
    const result = await setPersonalEventChannel({ actor, event, channel: "email", on: false, locale, textVersions, source: SOURCE, requestId: await getRequestId() });
    if (result.changed) revalidatePath(PAGE, "page");
    return { ok: true, data: { inApp: result.inApp, email: result.email } };
  } catch (error) {
    return toFailedPreferenceAction(error, "Turning off a personal e-mail from an e-mail link");
  }
}

export async function pauseEmailByLinkAction(input: unknown): Promise<ActionResult<{ paused: boolean }>> {
  const parsed = linkPauseEmailSchema.safeParse(input);
  if (!parsed.success) return invalidInput();
  const { token, locale, textVersions } = parsed.data;
  try {
    const actor = await linkActor(token);
    if (isFailed(actor)) return actor;
    const result = await setEmailPaused({ actor, paused: true, locale, textVersions, source: SOURCE, requestId: await getRequestId() });
    if (result.changed) revalidatePath(PAGE, "page");
    return { ok: true, data: { paused: result.paused } };
  } catch (error) {
    return toFailedPreferenceAction(error, "Pausing e-mail from an e-mail link");
  }
}

export async function unsubscribeFromAllByLinkAction(input: unknown): Promise<ActionResult<{ withdrawn: number }>> {
  const parsed = linkUnsubscribeFromAllSchema.safeParse(input);
  if (!parsed.success) return invalidInput();
  const { token, ...request } = parsed.data;
  try {
    const actor = await linkActor(token);
    if (isFailed(actor)) return actor;
    const result = await unsubscribeFromAllEmail({ actor, ...request, source: SOURCE, requestId: await getRequestId() });
    revalidatePath(PAGE, "page");
    return { ok: true, data: result };
  } catch (error) {
    return toFailedPreferenceAction(error, "Unsubscribing from all e-mail from an e-mail link");
  }
}
