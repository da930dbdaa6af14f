import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { PERSONAL_EVENTS, type PersonalEvent } from "@/lib/preferences/alert-vocabulary";
import { recordConsentEvents, type ConsentEventRow } from "@/server/membership/record-consent-events";
import { recordAuditEntry } from "@/server/moderation/record-audit-entry";
import { sendModerationNotice } from "@/server/moderation/send-moderation-notice";
import { deleteSubscriptionsAboveNormal, turnOffPersonalEmail, turnOffSubscriptionEmail } from "./alert-withdrawals";

/** What the member asked to have withdrawn. There is deliberately no kind that grants anything. */
export type RequestedWithdrawal = { kind: "subscription"; subscriptionId: string } | { kind: "personalEmail"; event: PersonalEvent } | { kind: "allEmail" };

const WITHDRAWAL_KINDS = ["subscription", "personalEmail", "allEmail"] as const satisfies readonly RequestedWithdrawal["kind"][];

export type RecordRequestedWithdrawalInput = {
  /** The signed-in moderator's or admin's id; the role is read from the database, not trusted. */
  moderatorId: string | null;
  memberId: string;
  what: RequestedWithdrawal;
  /** Why (e.g. "asked by e-mail on 3 March"), 3–500 characters; shown to the member in their consent history. */
  reason: string;
  requestId: string;
};

export const REQUESTED_WITHDRAWAL_REASON_LENGTH = { min: 3, max: 500 } as const;

/**
 * The only way anyone changes another person's preferences: a moderator or admin records a
 * withdrawal the member asked for (by e-mail, in a message…), with a mandatory reason. It lowers
 * only — a subscription back to Normal, e-mail off for one personal event, or e-mail off
 * everywhere — in one transaction with one WITHDRAWN row per thing turned off, source
 * MODERATOR_ON_REQUEST, actorId = the moderator, reason as given, in the member's language. The
 * member sees these rows in their consent history and a notice in their bell; the audit log
 * records it. Nothing left to withdraw records nothing.
 *
 * Throws SIGN_IN_REQUIRED (no moderator id), FORBIDDEN (details.reason NOT_MODERATOR: not a
 * moderator or admin, or a deleted account), INVALID_INPUT (details.field reason / what),
 * NOT_FOUND (details.field memberId / subscriptionId: unknown, or not this member's).
 */
export async function recordRequestedWithdrawal(input: RecordRequestedWithdrawalInput): Promise<void> {
  if (!input.moderatorId) throw new AppError("SIGN_IN_REQUIRED");
  const reason = input.reason.trim();
  if (reason.length < REQUESTED_WITHDRAWAL_REASON_LENGTH.min || reason.length > REQUESTED_WITHDRAWAL_REASON_LENGTH.max) {
    throw new AppError("INVALID_INPUT", { details: { field: "reason" } });
  }
  const { what } = input;
  const known = (WITHDRAWAL_KINDS as readonly string[]).includes(what.kind) && (what.kind !== "personalEmail" || PERSONAL_EVENTS.includes(what.event));
  if (!known) throw new AppError("INVALID_INPUT", { details: { field: "what" } });

  const moderator = await db().user.findUnique({ where: { id: input.moderatorId }, select: { role: true, deletedAt: true } });
  if (!moderator || moderator.deletedAt || (moderator.role !== "MODERATOR" && moderator.role !== "ADMIN")) {
    throw new AppError("FORBIDDEN", { details: { reason: "NOT_MODERATOR" } });
  }

  await db().$transaction(async (tx) => {
    // Same lock as the member's own changes, so theirs and this one apply one after the other.
    const [member] = await tx.$queryRaw<{ locale: "en" | "fr" | null }[]>`
      SELECT "locale"::text AS "locale" FROM "User" WHERE id = ${input.memberId} FOR UPDATE`;
    if (!member) throw new AppError("NOT_FOUND", { details: { field: "memberId" } });

    let rows: ConsentEventRow[];
    if (what.kind === "subscription") {
      const owned = await tx.alertSubscription.findFirst({ where: { id: what.subscriptionId, userId: input.memberId }, select: { id: true } });
      if (!owned) throw new AppError("NOT_FOUND", { details: { field: "subscriptionId" } });
      rows = await deleteSubscriptionsAboveNormal(tx, input.memberId, [what.subscriptionId]);
    } else if (what.kind === "personalEmail") {
      rows = await turnOffPersonalEmail(tx, input.memberId, [what.event]);
    } else {
      rows = [...(await turnOffSubscriptionEmail(tx, input.memberId)), ...(await turnOffPersonalEmail(tx, input.memberId))];
    }
    await recordConsentEvents(
      tx,
      {
        subjectId: input.memberId,
        action: "WITHDRAWN",
        locale: member.locale ?? "en",
        source: "MODERATOR_ON_REQUEST",
        channel: "WEB",
        requestId: input.requestId,
        actorId: input.moderatorId,
        reason,
      },
      rows,
    );
    const moderatorId = input.moderatorId;
    if (rows.length === 0 || !moderatorId) return;
    // Accountable like every moderator action, and told to the member in their bell.
    await recordAuditEntry(tx, {
      actorId: moderatorId,
      action: "member.recordWithdrawal",
      targetType: "member",
      targetId: input.memberId,
      reason,
      after: { withdrawn: rows.map((row) => ({ purpose: row.purpose, scope: row.scope ?? null, detail: row.detail ?? null })) },
      requestId: input.requestId,
    });
    await sendModerationNotice(tx, { userId: input.memberId, kind: "CONSENT_WITHDRAWAL_RECORDED", reason, createdById: moderatorId });
  });
}
