"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fieldErrorsFrom, type ActionResult } from "@/lib/action-result";
import { formFields, joinChoicesSchema } from "@/lib/consent/membership-form-schemas";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { getRequestId } from "@/server/http/get-request-id";
import { joinCommunity } from "@/server/membership/join-community";
import { membershipErrorKey } from "@/server/membership/membership-error-key";

const FIELDS = ["community", "ownerBadge", "communityTextVersion", "ownerBadgeTextVersion", "locale", "from"] as const;

export async function joinCommunityAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations("membership");
  const user = await getCurrentUser();
  if (!user) return { ok: false, formError: t("errors.SIGN_IN_REQUIRED") };
  const parsed = joinChoicesSchema.safeParse(formFields(formData, FIELDS));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error, (key) => t(key)) };
  const choices = parsed.data;
  // Nothing ticked is a decline: nothing to record, nothing to revalidate.
  if (!choices.community) return { ok: true };

  try {
    await joinCommunity({
      userId: user.id,
      choices: { community: choices.community, ownerBadge: choices.ownerBadge },
      textVersions: { community: choices.communityTextVersion, ownerBadge: choices.ownerBadgeTextVersion },
      locale: choices.locale,
      source: choices.from === "invitation" ? "INVITATION_PAGE" : "JOIN_PAGE",
      channel: "WEB",
      requestId: await getRequestId(),
    });
  } catch (error) {
    // Re-render with the current state and wording (e.g. the text just got a new version).
    revalidatePath("/join");
    return { ok: false, formError: t(membershipErrorKey(error, "Joining the community")) };
  }
  revalidatePath("/", "layout");
  redirect("/join?joined=1");
}
