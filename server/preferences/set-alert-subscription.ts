import "server-only";
import { db, type Prisma } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { ConsentAction } from "@/lib/consent/consent-vocabulary";
import type { AppLocale } from "@/lib/i18n/locales";
import {
  DEFAULT_ALERT_STATE,
  isSubscribedLevel,
  LEVEL_RANK,
  LEVELS_FOR_TARGET,
  type AlertLevel,
  type AlertState,
  type AlertTarget,
  type PreferenceSource,
} from "@/lib/preferences/alert-vocabulary";
import { recordConsentEvent } from "@/server/membership/record-consent-event";
import { assertActorMayRaise, isOneClickUndo, preferenceLedgerOrigin, type PreferenceActor } from "./preference-actor";
import { lockPreferenceSubject } from "./lock-preference-subject";
import { ALERT_PURPOSE, describeAlertState, targetColumn } from "./alert-target-columns";

export type AlertSubscriptionChange = Partial<AlertState>;

export type SetAlertSubscriptionInput = {
  actor: PreferenceActor;
  target: AlertTarget;
  change: AlertSubscriptionChange;
  /** Where the control was shown. Ignored for an e-mail link, which is always EMAIL_PREFERENCE_LINK. */
  source: PreferenceSource;
  locale: AppLocale;
  requestId: string;
  /** Versions of the texts the control showed (GRANTED beside raising choices, WITHDRAWN beside lowering ones). */
  textVersions?: Partial<Record<ConsentAction, number>>;
};

export type AlertSubscriptionResult = AlertState & { changed: boolean };

/**
 * Sets a member's level and channels for one product, category or thread, and ledgers it, in one
 * transaction: whatever makes them receive more (a higher level, a channel turned on) is one
 * GRANTED row, whatever makes them receive less one WITHDRAWN row, each with the resulting state
 * in `detail`. Raising needs the member's own signed-in session; an e-mail link may only lower.
 * Back to the default (Normal, in-app, no e-mail) deletes the row: only real choices are listed.
 *
 * Throws SIGN_IN_REQUIRED, ACCOUNT_DELETED, MEMBERSHIP_REQUIRED (raising as a non-member),
 * NOT_FOUND (unknown target), INVALID_INPUT (a level the target doesn't offer, channels below
 * "New threads"), FORBIDDEN (RAISE_NEEDS_SIGN_IN, TARGET_DELETED when raising on a deleted
 * thread), CONSENT_TEXT_OUTDATED.
 */
export async function setAlertSubscription(input: SetAlertSubscriptionInput): Promise<AlertSubscriptionResult> {
  const { target } = input;
  return db().$transaction(async (tx) => {
    const subject = await lockPreferenceSubject(tx, input.actor);
    const targetDeleted = await findTargetDeletion(tx, target);
    const column = targetColumn(target.type);
    const where = { userId: subject.userId, [column]: target.id } as Prisma.AlertSubscriptionWhereInput;
    const existing = await tx.alertSubscription.findFirst({ where, select: { id: true, level: true, inApp: true, email: true } });
    const current: AlertState = existing ?? DEFAULT_ALERT_STATE;
    const next = resolveNextState(target, current, input.change);

    const raised = LEVEL_RANK[next.level] > LEVEL_RANK[current.level] || (next.inApp && !current.inApp) || (next.email && !current.email);
    const lowered = LEVEL_RANK[next.level] < LEVEL_RANK[current.level] || (!next.inApp && current.inApp) || (!next.email && current.email);
    if (!raised && !lowered) return { ...current, changed: false };
    if (raised) {
      assertActorMayRaise(input.actor, subject);
      // The undo of a one-click unsubscribe restores that list's e-mail and nothing more.
      if (isOneClickUndo(input.actor) && (LEVEL_RANK[next.level] > LEVEL_RANK[current.level] || (next.inApp && !current.inApp))) {
        throw new AppError("FORBIDDEN", { details: { reason: "RAISE_NEEDS_SIGN_IN" } });
      }
      if (targetDeleted) throw new AppError("FORBIDDEN", { details: { reason: "TARGET_DELETED" } });
    }

    const { source, channel } = preferenceLedgerOrigin(input.actor, input.source);
    const isDefault = next.level === DEFAULT_ALERT_STATE.level && next.inApp === DEFAULT_ALERT_STATE.inApp && next.email === DEFAULT_ALERT_STATE.email;
    const levelChanged = next.level !== current.level;
    if (isDefault) {
      await tx.alertSubscription.deleteMany({ where });
    } else if (existing) {
      await tx.alertSubscription.update({
        where: { id: existing.id },
        data: { ...next, ...(levelChanged ? { source, chosenAt: new Date() } : {}) },
        select: { id: true },
      });
    } else {
      await tx.alertSubscription.create({ data: { userId: subject.userId, [column]: target.id, ...next, source }, select: { id: true } });
    }

    const actions: ConsentAction[] = [...(lowered ? (["WITHDRAWN"] as const) : []), ...(raised ? (["GRANTED"] as const) : [])];
    for (const action of actions) {
      await recordConsentEvent(tx, {
        subjectId: subject.userId,
        purpose: ALERT_PURPOSE[target.type],
        action,
        scope: target.id,
        detail: describeAlertState(next) + (isOneClickUndo(input.actor) ? " undo" : ""),
        locale: input.locale,
        source,
        channel,
        requestId: input.requestId,
        textVersion: input.textVersions?.[action],
      });
    }
    return { ...next, changed: true };
  });
}

function resolveNextState(target: AlertTarget, current: AlertState, change: AlertSubscriptionChange): AlertState {
  const level: AlertLevel = change.level ?? current.level;
  if (!LEVELS_FOR_TARGET[target.type].includes(level)) throw new AppError("INVALID_INPUT", { details: { field: "level" } });
  if (!isSubscribedLevel(level)) {
    // Below "New threads" the channels have nothing to carry: they go back to the defaults, and
    // turning one on there is refused rather than silently ignored.
    if (change.email === true || change.inApp === false) throw new AppError("INVALID_INPUT", { details: { field: change.email === true ? "email" : "inApp" } });
    return { level, inApp: DEFAULT_ALERT_STATE.inApp, email: DEFAULT_ALERT_STATE.email };
  }
  return { level, inApp: change.inApp ?? current.inApp, email: change.email ?? current.email };
}

/** true for a deleted thread (only lowering stays possible), false otherwise; NOT_FOUND if unknown. */
async function findTargetDeletion(tx: Prisma.TransactionClient, target: AlertTarget): Promise<boolean> {
  if (target.type === "thread") {
    const thread = await tx.thread.findUnique({ where: { id: target.id }, select: { deletedAt: true } });
    if (!thread) throw new AppError("NOT_FOUND", { details: { field: "targetId" } });
    return thread.deletedAt !== null;
  }
  const found =
    target.type === "product"
      ? await tx.product.findUnique({ where: { id: target.id }, select: { id: true } })
      : await tx.category.findUnique({ where: { id: target.id }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", { details: { field: "targetId" } });
  return false;
}
