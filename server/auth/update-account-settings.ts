import "server-only";
import { cookies } from "next/headers";
import { db } from "@/server/db/client";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import type { AccountSettings } from "@/lib/auth/account-settings-schema";
import { saveLocaleChoice } from "./save-locale-choice";

/**
 * Saves the person's display name and language. Choosing "follow my browser" also forgets this
 * browser's remembered choice, so the site really goes back to Accept-Language.
 */
export async function updateAccountSettings(userId: string, settings: AccountSettings): Promise<void> {
  await db().user.update({
    where: { id: userId },
    data: { displayName: settings.displayName, locale: settings.locale },
    select: { id: true },
  });
  if (settings.locale) await saveLocaleChoice(settings.locale, null);
  else (await cookies()).delete(LOCALE_COOKIE);
}
