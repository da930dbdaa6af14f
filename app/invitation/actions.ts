"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/action-result";
import { DECLINE_FIELDS, declineInvitationSchema } from "@/lib/invitations/decline-invitation-schema";
import { takeVisitorRateLimit } from "@/server/http/rate-limit-visitor";
import { declineInvitation } from "@/server/invitations/decline-invitation";

export type DeclineInvitationResult = ActionResult<{ remembered: boolean }>;

/** "No thanks" on an invitation: public (no sign-in), the signed token is the authority. */
export async function declineInvitationAction(_previous: DeclineInvitationResult | null, formData: FormData): Promise<DeclineInvitationResult> {
  const t = await getTranslations("invitation");
  const parsed = declineInvitationSchema.safeParse({
    token: formData.get(DECLINE_FIELDS.token),
    dontInviteAgain: formData.get(DECLINE_FIELDS.dontInviteAgain),
  });
  if (!parsed.success) return { ok: false, formError: t(parsed.error.issues[0]?.message ?? "decline.errors.unexpected") };

  let outcome: Awaited<ReturnType<typeof declineInvitation>>;
  try {
    // Per IP (policy "invitation"), before the token is even looked at.
    const limit = await takeVisitorRateLimit("invitation");
    if (!limit.allowed) return { ok: false, formError: (await getTranslations("errors.tooManyRequests"))("action", { seconds: limit.retryAfterSeconds }) };
    outcome = await declineInvitation(parsed.data.token, parsed.data.dontInviteAgain);
  } catch (error) {
    console.error("Declining an invitation failed", error);
    return { ok: false, formError: t("decline.errors.unexpected") };
  }
  if (!outcome) return { ok: false, formError: t("decline.errors.notFound") };

  revalidatePath("/invitation/[token]", "page");
  return { ok: true, data: outcome };
}
