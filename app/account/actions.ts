"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fieldErrorsFrom, type ActionResult } from "@/lib/action-result";
import { localeChoiceSchema } from "@/lib/auth/locale-choice-schema";
import { accountSettingsSchema, DISPLAY_NAME_MAX } from "@/lib/auth/account-settings-schema";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { saveLocaleChoice } from "@/server/auth/save-locale-choice";
import { endSession } from "@/server/auth/end-session";
import { updateAccountSettings } from "@/server/auth/update-account-settings";

export async function chooseLocaleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations("auth");
  const parsed = localeChoiceSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, (key) => t(key)) };
  try {
    const user = await getCurrentUser();
    await saveLocaleChoice(parsed.data.locale, user?.id ?? null);
  } catch (error) {
    console.error("Saving the language choice failed", error);
    return { ok: false, formError: t("errors.unexpected") };
  }
  revalidatePath("/", "layout");
  return { ok: true };
}

export async function signOutAction(): Promise<ActionResult> {
  await endSession();
  revalidatePath("/", "layout");
  redirect("/");
}

export async function updateAccountAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations("auth");
  const user = await getCurrentUser();
  if (!user) return { ok: false, formError: t("errors.SessionRequired") };
  const parsed = accountSettingsSchema.safeParse({
    displayName: formData.get("displayName") ?? "",
    locale: formData.get("locale") ?? "",
  });
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, (key) => t(key, { max: DISPLAY_NAME_MAX })) };
  }
  try {
    await updateAccountSettings(user.id, parsed.data);
  } catch (error) {
    console.error("Saving account settings failed", error);
    return { ok: false, formError: t("errors.unexpected") };
  }
  revalidatePath("/", "layout");
  return { ok: true };
}
