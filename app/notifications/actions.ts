"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { markNotificationReadSchema } from "@/lib/notifications/mark-read-schema";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/notification-vocabulary";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { isAppError } from "@/server/errors/app-error";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";

// Called with plain objects (the list's buttons and links, "Mark all read"). The server function
// touches only the signed-in person's own rows; the action passes their id along (null when signed out).
const actorId = async () => (await getCurrentUser())?.id ?? null;

type Unread = ActionResult<{ unread: number }>;

async function failed(error: unknown, context: string): Promise<Unread> {
  const t = await getTranslations("notifications");
  if (isAppError(error, "SIGN_IN_REQUIRED")) return { ok: false, formError: t("errors.signIn") };
  console.error(`${context} failed`, error);
  return { ok: false, formError: t("errors.unexpected") };
}

async function mark(input: { notificationId: string } | { all: true }, context: string): Promise<Unread> {
  try {
    const { unread } = await markNotificationsRead({ actorId: await actorId(), ...input });
    revalidatePath(NOTIFICATIONS_PATH);
    return { ok: true, data: { unread } };
  } catch (error) {
    return failed(error, context);
  }
}

/** Marks one of the signed-in person's notifications read (the button, or opening it); returns the new unread count. */
export async function markNotificationReadAction(input: unknown): Promise<Unread> {
  const parsed = markNotificationReadSchema.safeParse(input);
  if (!parsed.success) {
    const t = await getTranslations("notifications");
    return { ok: false, formError: t("errors.unexpected") };
  }
  return mark({ notificationId: parsed.data.notificationId }, "Marking a notification read");
}

/** Marks all of the signed-in person's notifications read; returns the new unread count (0). */
export async function markAllNotificationsReadAction(): Promise<Unread> {
  return mark({ all: true }, "Marking all notifications read");
}
