"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fieldErrorsFrom, type ActionResult } from "@/lib/action-result";
import { deleteAccountSchema, SHOWN_WITHDRAWAL_FIELD } from "@/lib/data-rights/delete-account-schema";
import { endSession } from "@/server/auth/end-session";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { deleteMyAccount } from "@/server/data-rights/delete-my-account";
import { isAppError } from "@/server/errors/app-error";
import { getRequestId } from "@/server/http/get-request-id";

// Fields the person fills in; any other invalid field means the page itself is stale or forged.
const PERSON_FIELDS = new Set(["posts", "confirm"]);

export async function deleteAccountAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations("dataRights");
  const user = await getCurrentUser();
  if (!user) return { ok: false, formError: t("errors.signInRequired") };

  const parsed = deleteAccountSchema.safeParse({
    posts: formData.get("posts"),
    confirm: formData.get("confirm"),
    locale: formData.get("locale"),
    shownWithdrawals: formData.getAll(SHOWN_WITHDRAWAL_FIELD),
  });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsFrom(parsed.error, (key) => t(key));
    const stale = Object.keys(fieldErrors).some((field) => !PERSON_FIELDS.has(field));
    return stale
      ? { ok: false, formError: t("validation.reload") }
      : { ok: false, fieldErrors };
  }

  try {
    const { posts, locale, withdrawalTextVersions } = parsed.data;
    // "not-found" means the account was deleted meanwhile (another tab): the outcome is the same.
    await deleteMyAccount(user.id, { posts, locale, withdrawalTextVersions, requestId: await getRequestId() });
  } catch (error) {
    if (isAppError(error, "CONSENT_TEXT_OUTDATED")) return { ok: false, formError: t("errors.textOutdated") };
    console.error("Deleting an account failed", error);
    return { ok: false, formError: t("errors.unexpected") };
  }
  await endSession();
  revalidatePath("/", "layout");
  redirect("/account/data/deleted");
}
