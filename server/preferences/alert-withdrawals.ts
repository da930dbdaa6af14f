import "server-only";
import { Prisma } from "@/server/db/generated/prisma/client";
import { DEFAULT_ALERT_STATE, DEFAULT_PERSONAL_CHANNELS, type AlertLevel, type PersonalEvent } from "@/lib/preferences/alert-vocabulary";
import type { ConsentPurposeWithText } from "@/lib/consent/consent-texts";
import { ALERT_PURPOSE, describeAlertState } from "./alert-target-columns";

/**
 * The set-based lowering steps shared by the bulk stop, "unsubscribe from all e-mail", the
 * moderator's recorded withdrawal and leaving the community. Each is one conditional statement
 * (DELETE/UPDATE … RETURNING), so two concurrent withdrawals cannot both report the same thing,
 * and each returns one ledger row (WITHDRAWN) per thing it turned off, for recordConsentEvents.
 */

/** One thing turned off: a row for recordConsentEvents, and a Withdrawal for withdrawAllConsents. */
export type AlertWithdrawal = { purpose: ConsentPurposeWithText; scope: string | null; detail: string };

type TargetColumns = { productId: string | null; categoryId: string | null; threadId: string | null };

function alertRow(target: TargetColumns, state: { level: AlertLevel; inApp: boolean; email: boolean }): AlertWithdrawal {
  const type = target.productId ? "product" : target.categoryId ? "category" : "thread";
  return { purpose: ALERT_PURPOSE[type], scope: target.productId ?? target.categoryId ?? target.threadId ?? null, detail: describeAlertState(state) };
}

/** The ledger row's `detail` for a personal event, e.g. "inApp=on email=off". */
export function describePersonalChannels(channels: { inApp: boolean; email: boolean }): string {
  return `inApp=${channels.inApp ? "on" : "off"} email=${channels.email ? "on" : "off"}`;
}

/**
 * Back to Normal (row deleted) for the person's subscriptions above Normal: all of them, or only
 * those among `ids` (ids of other people's rows match nothing). Muted rows are not subscriptions
 * (they restrict, they don't grant) and stay.
 */
export async function deleteSubscriptionsAboveNormal(tx: Prisma.TransactionClient, userId: string, ids?: readonly string[]): Promise<AlertWithdrawal[]> {
  const stopped = await tx.$queryRaw<TargetColumns[]>`
    DELETE FROM "AlertSubscription"
    WHERE "userId" = ${userId} AND "level" IN ('EVERYTHING', 'NEW_THREADS')
      ${ids ? Prisma.sql`AND "id" = ANY(${[...ids]}::text[])` : Prisma.empty}
    RETURNING "productId", "categoryId", "threadId"`;
  return stopped.map((target) => alertRow(target, DEFAULT_ALERT_STATE));
}

/** E-mail off on every subscription of the person that has it on; levels and in-app untouched. */
export async function turnOffSubscriptionEmail(tx: Prisma.TransactionClient, userId: string): Promise<AlertWithdrawal[]> {
  const changed = await tx.alertSubscription.updateManyAndReturn({
    where: { userId, email: true },
    data: { email: false },
    select: { productId: true, categoryId: true, threadId: true, level: true, inApp: true, email: true },
  });
  return changed.map((row) => alertRow(row, row));
}

/**
 * E-mail off for the person's personal events (all, or only `events`) that have it on; in-app
 * untouched. A row left at the defaults (in-app on, e-mail off) is deleted: only changed switches
 * are stored.
 */
export async function turnOffPersonalEmail(tx: Prisma.TransactionClient, userId: string, events?: readonly PersonalEvent[]): Promise<AlertWithdrawal[]> {
  const eventFilter = events ? { event: { in: [...events] } } : {};
  const changed = await tx.personalEventPreference.updateManyAndReturn({
    where: { userId, email: true, ...eventFilter },
    data: { email: false },
    select: { event: true, inApp: true, email: true },
  });
  if (changed.length === 0) return [];
  await tx.personalEventPreference.deleteMany({ where: { userId, ...eventFilter, ...DEFAULT_PERSONAL_CHANNELS } });
  return changed.map((row) => ({ purpose: "PERSONAL_NOTIFICATIONS", scope: row.event, detail: describePersonalChannels(row) }));
}
