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
import { formFields, leaveCommunitySchema, ownerBadgeChoiceSchema } from "@/lib/consent/membership-form-schemas";
import { getRequestId } from "@/server/http/get-request-id";
import { leaveCommunity } from "@/server/membership/leave-community";
import { membershipErrorKey } from "@/server/membership/membership-error-key";
import { setOwnerBadge } from "@/server/membership/set-owner-badge";

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

/** Turns the "verified owner" badge on or off (from the account page or the join page). */
export async function setOwnerBadgeAction(_previous: ActionResult<{ changed: boolean }> | null, formData: FormData): Promise<ActionResult<{ changed: boolean }>> {
  const t = await getTranslations("membership");
  const user = await getCurrentUser();
  if (!user) return { ok: false, formError: t("errors.SIGN_IN_REQUIRED") };
  const parsed = ownerBadgeChoiceSchema.safeParse(formFields(formData, ["show", "textVersion", "locale", "source"]));
  if (!parsed.success) return { ok: false, formError: t("validation.reload") };
  let changed: boolean;
  try {
    changed = await setOwnerBadge({ userId: user.id, ...parsed.data, channel: "WEB", requestId: await getRequestId() });
  } catch (error) {
    revalidatePath(parsed.data.source === "JOIN_PAGE" ? "/join" : "/account");
    return { ok: false, formError: t(membershipErrorKey(error, "Changing the owner badge")) };
  }
  revalidatePath("/", "layout");
  return { ok: true, data: { changed } };
}

/** Leaves the community in one step; lands back on the page it came from, which says so. */
export async function leaveCommunityAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations("membership");
  const user = await getCurrentUser();
  if (!user) return { ok: false, formError: t("errors.SIGN_IN_REQUIRED") };
  const parsed = leaveCommunitySchema.safeParse(formFields(formData, ["membershipTextVersion", "ownerBadgeTextVersion", "locale", "source"]));
  if (!parsed.success) return { ok: false, formError: t("validation.reload") };
  const { membershipTextVersion, ownerBadgeTextVersion, locale, source } = parsed.data;
  const page = source === "JOIN_PAGE" ? "/join" : "/account";
  try {
    await leaveCommunity({
      userId: user.id,
      textVersions: { COMMUNITY_MEMBERSHIP: membershipTextVersion, ...(ownerBadgeTextVersion ? { OWNER_BADGE: ownerBadgeTextVersion } : {}) },
      locale,
      source,
      channel: "WEB",
      requestId: await getRequestId(),
    });
  } catch (error) {
    revalidatePath(page);
    return { ok: false, formError: t(membershipErrorKey(error, "Leaving the community")) };
  }
  revalidatePath("/", "layout");
  redirect(`${page}?left=1`);
}
