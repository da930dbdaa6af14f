import { z } from "zod";
import { moderationIdField, moderationReasonField } from "./thread-action-schemas";

/** How long a silence or suspension lasts. "custom" takes a date (until the end of that day, UTC). */
export const SANCTION_DURATIONS = ["1d", "1w", "1m", "custom", "indefinite"] as const;
export type SanctionDuration = (typeof SANCTION_DURATIONS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a sanction chosen at `now` ends; null = until revoked. Custom dates end at 23:59:59.999 UTC of that day. */
export function sanctionEndsAt(duration: SanctionDuration, customDate: string | undefined, now: Date): Date | null {
  switch (duration) {
    case "1d":
      return new Date(now.getTime() + DAY_MS);
    case "1w":
      return new Date(now.getTime() + 7 * DAY_MS);
    case "1m": {
      const end = new Date(now);
      end.setUTCMonth(end.getUTCMonth() + 1);
      return end;
    }
    case "custom":
      return customDate ? new Date(`${customDate}T23:59:59.999Z`) : null;
    case "indefinite":
      return null;
  }
}

export const warnMemberSchema = z.object({ memberId: moderationIdField, reason: moderationReasonField });
export const WARN_MEMBER_FIELDS = ["memberId", "reason"] as const;

/** Silence or suspend: who, why, for how long (a custom date must be today or later). */
export const restrictMemberSchema = z
  .object({
    memberId: moderationIdField,
    kind: z.enum(["SILENCE", "SUSPENSION"], { error: "errors.INVALID_INPUT" }),
    reason: moderationReasonField,
    duration: z.enum(SANCTION_DURATIONS, { error: "members.fields.durationRequired" }),
    customDate: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "members.fields.customDateInvalid")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .superRefine((value, context) => {
    if (value.duration !== "custom") return;
    const end = value.customDate ? new Date(`${value.customDate}T23:59:59.999Z`) : null;
    if (!end || Number.isNaN(end.getTime()) || end.getTime() <= Date.now()) {
      context.addIssue({ code: "custom", path: ["customDate"], message: "members.fields.customDateInvalid" });
    }
  });
export const RESTRICT_MEMBER_FIELDS = ["memberId", "kind", "reason", "duration", "customDate"] as const;

export const revokeSanctionSchema = z.object({ sanctionId: moderationIdField, memberId: moderationIdField, reason: moderationReasonField });
export const REVOKE_SANCTION_FIELDS = ["sanctionId", "memberId", "reason"] as const;

/** A withdrawal the member asked for: "subscription:<id>", "personalEmail:<EVENT>" or "allEmail". */
export const requestedWithdrawalSchema = z.object({
  memberId: moderationIdField,
  what: z.string({ error: "members.fields.withdrawalRequired" }).trim().min(1, "members.fields.withdrawalRequired").max(100, "members.fields.withdrawalRequired"),
  reason: moderationReasonField,
});
export const REQUESTED_WITHDRAWAL_FIELDS = ["memberId", "what", "reason"] as const;
