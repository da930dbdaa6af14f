"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { fieldErrorsFrom, type ActionResult } from "@/lib/action-result";
import { formFieldsOf } from "@/lib/discussions/post-fields-schema";
import {
  REQUESTED_WITHDRAWAL_FIELDS,
  requestedWithdrawalSchema,
  RESTRICT_MEMBER_FIELDS,
  restrictMemberSchema,
  REVOKE_SANCTION_FIELDS,
  revokeSanctionSchema,
  sanctionEndsAt,
  WARN_MEMBER_FIELDS,
  warnMemberSchema,
} from "@/lib/moderation/sanction-schemas";
import { PERSONAL_EVENTS, type PersonalEvent } from "@/lib/preferences/alert-vocabulary";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { AppError } from "@/server/errors/app-error";
import { getRequestId } from "@/server/http/get-request-id";
import { revokeSanction } from "@/server/moderation/revoke-sanction";
import { silenceMember } from "@/server/moderation/silence-member";
import { suspendMember } from "@/server/moderation/suspend-member";
import { toFailedModerationAction } from "@/server/moderation/to-failed-moderation-action";
import { warnMember } from "@/server/moderation/warn-member";
import { recordRequestedWithdrawal, type RequestedWithdrawal } from "@/server/preferences/record-requested-withdrawal";

type Result = ActionResult<{ message: string }>;

// Each server function checks the permission itself; actions pass the signed-in person's id along.
const actorId = async () => (await getCurrentUser())?.id ?? null;
const memberPage = (memberId: string) => `/moderation/members/${memberId}`;

async function invalid(error: Parameters<typeof fieldErrorsFrom>[0]): Promise<Result> {
  const t = await getTranslations("moderation");
  return { ok: false, fieldErrors: fieldErrorsFrom(error, (key) => t(key)) };
}

async function done(memberId: string, key: string): Promise<Result> {
  revalidatePath(memberPage(memberId));
  revalidatePath("/moderation/members");
  const t = await getTranslations("moderation.members.detail");
  return { ok: true, data: { message: t(key) } };
}

export async function warnMemberAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const parsed = warnMemberSchema.safeParse(formFieldsOf(formData, WARN_MEMBER_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await warnMember({ actorId: await actorId(), ...parsed.data, requestId: await getRequestId() });
    return done(parsed.data.memberId, "warn.done");
  } catch (error) {
    return toFailedModerationAction(error, "Warning a member");
  }
}

/** Silence or suspend, for the duration chosen. */
export async function restrictMemberAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const parsed = restrictMemberSchema.safeParse(formFieldsOf(formData, RESTRICT_MEMBER_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  const { memberId, kind, reason, duration, customDate } = parsed.data;
  try {
    const input = { actorId: await actorId(), memberId, reason, endsAt: sanctionEndsAt(duration, customDate, new Date()), requestId: await getRequestId() };
    await (kind === "SILENCE" ? silenceMember(input) : suspendMember(input));
    return done(memberId, kind === "SILENCE" ? "silence.done" : "suspend.done");
  } catch (error) {
    return toFailedModerationAction(error, kind === "SILENCE" ? "Silencing a member" : "Suspending a member");
  }
}

export async function revokeSanctionAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const parsed = revokeSanctionSchema.safeParse(formFieldsOf(formData, REVOKE_SANCTION_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await revokeSanction({ actorId: await actorId(), sanctionId: parsed.data.sanctionId, reason: parsed.data.reason, requestId: await getRequestId() });
    return done(result.memberId, "revoke.done");
  } catch (error) {
    return toFailedModerationAction(error, "Revoking a sanction");
  }
}

/** "subscription:<id>", "personalEmail:<EVENT>" or "allEmail" → what recordRequestedWithdrawal takes. Never a grant. */
function toWithdrawal(what: string): RequestedWithdrawal {
  if (what === "allEmail") return { kind: "allEmail" };
  const [kind, value] = what.split(":", 2);
  if (kind === "subscription" && value) return { kind: "subscription", subscriptionId: value };
  if (kind === "personalEmail" && (PERSONAL_EVENTS as readonly string[]).includes(value ?? "")) return { kind: "personalEmail", event: value as PersonalEvent };
  throw new AppError("INVALID_INPUT", { details: { field: "what" } });
}

export async function recordWithdrawalAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const parsed = requestedWithdrawalSchema.safeParse(formFieldsOf(formData, REQUESTED_WITHDRAWAL_FIELDS));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await recordRequestedWithdrawal({
      moderatorId: await actorId(),
      memberId: parsed.data.memberId,
      what: toWithdrawal(parsed.data.what),
      reason: parsed.data.reason,
      requestId: await getRequestId(),
    });
    return done(parsed.data.memberId, "withdrawal.done");
  } catch (error) {
    return toFailedModerationAction(error, "Recording a requested withdrawal");
  }
}
