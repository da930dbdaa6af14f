"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { fieldErrorsFrom, type ActionResult } from "@/lib/action-result";
import { promoteModeratorSchema, setRoleSchema } from "@/lib/moderation/moderator-schemas";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { isAppError } from "@/server/errors/app-error";
import { getRequestId } from "@/server/http/get-request-id";
import { setMemberRole } from "@/server/moderation/set-member-role";
import { toFailedModerationAction } from "@/server/moderation/to-failed-moderation-action";

const MODERATORS_PATH = "/moderation/moderators";

/** "Make moderator" by e-mail address. */
export async function promoteModeratorAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations("moderation");
  const parsed = promoteModeratorSchema.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, (key) => t(key)) };
  try {
    const user = await getCurrentUser();
    const result = await setMemberRole({ actorId: user?.id ?? null, target: { email: parsed.data.email }, role: "MODERATOR", requestId: await getRequestId() });
    revalidatePath(MODERATORS_PATH);
    return result.changed ? { ok: true } : { ok: false, fieldErrors: { email: [t("moderators.errors.alreadyModerator")] } };
  } catch (error) {
    // About the address typed: shown next to the field.
    if (isAppError(error, "NOT_FOUND")) return { ok: false, fieldErrors: { email: [t("moderators.errors.unknownEmail")] } };
    if (isAppError(error, "FORBIDDEN") && error.details.reason === "NOT_A_MEMBER") return { ok: false, fieldErrors: { email: [t("errors.NOT_A_MEMBER")] } };
    return toFailedModerationAction(error, "Promoting a moderator");
  }
}

/** A role change from the list: back to member, or moderator ↔ admin. */
export async function setRoleAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = setRoleSchema.safeParse({ memberId: formData.get("memberId"), role: formData.get("role") });
  if (!parsed.success) {
    const t = await getTranslations("moderation");
    return { ok: false, formError: t("errors.INVALID_INPUT") };
  }
  try {
    const user = await getCurrentUser();
    await setMemberRole({ actorId: user?.id ?? null, target: { memberId: parsed.data.memberId }, role: parsed.data.role, requestId: await getRequestId() });
    revalidatePath(MODERATORS_PATH);
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (error) {
    return toFailedModerationAction(error, "Changing a role");
  }
}
