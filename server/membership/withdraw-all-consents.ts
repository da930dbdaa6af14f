import "server-only";
import type { Prisma } from "@/server/db/client";
import type { ConsentChannel, ConsentSource } from "@/lib/consent/consent-vocabulary";
import type { ConsentPurposeWithText } from "@/lib/consent/consent-texts";
import type { AppLocale } from "@/lib/i18n/locales";
import { deleteSubscriptionsAboveNormal, turnOffPersonalEmail } from "@/server/preferences/alert-withdrawals";
import { recordConsentEvents } from "./record-consent-events";

export type WithdrawAllOptions = {
  source: ConsentSource;
  channel: ConsentChannel;
  requestId: string;
  /** The language the withdrawal texts were shown in. */
  locale: AppLocale;
  /** WITHDRAWN text versions the page showed, per purpose; checked against the current ones. */
  textVersions?: Partial<Record<ConsentPurposeWithText, number>>;
  actorId?: string | null;
  reason?: string | null;
};

export type Withdrawal = { purpose: ConsentPurposeWithText; scope: string | null; detail?: string | null };

/**
 * Turns one kind of granted state off for a person and reports exactly what it turned off. The
 * update is conditional ("where it is still on"), so two concurrent withdrawals cannot both
 * report it and the ledger gets one row.
 */
type StateWithdrawer = (tx: Prisma.TransactionClient, userId: string) => Promise<Withdrawal[]>;

const withdrawOwnerBadge: StateWithdrawer = async (tx, userId) => {
  const { count } = await tx.user.updateMany({ where: { id: userId, showsOwnerBadge: true }, data: { showsOwnerBadge: false } });
  return count > 0 ? [{ purpose: "OWNER_BADGE", scope: null }] : [];
};

const withdrawMembership: StateWithdrawer = async (tx, userId) => {
  const { count } = await tx.user.updateMany({ where: { id: userId, isMember: true }, data: { isMember: false, memberSince: null } });
  return count > 0 ? [{ purpose: "COMMUNITY_MEMBERSHIP", scope: null }] : [];
};

/**
 * Alerts: every subscription above Normal goes back to Normal (row deleted, one Withdrawal each,
 * scoped to its target) and every personal event's e-mail switch goes off (one each, scoped to
 * the event). Muted rows stay: they restrict, they don't grant. In-app switches of personal
 * events are left as chosen (in-app needs no consent beyond membership, which goes too).
 */
const withdrawAlerts: StateWithdrawer = async (tx, userId) => {
  // The lock every preference change takes first: a subscription being added right now is
  // either committed before this (and withdrawn below) or refused after (no longer a member).
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
  return [...(await deleteSubscriptionsAboveNormal(tx, userId)), ...(await turnOffPersonalEmail(tx, userId))];
};

// EXTENSION POINT: every consent-based state a person can hold gets a withdrawer here.
// Order is the order of the ledger rows: dependent purposes before membership.
const STATE_WITHDRAWERS: readonly StateWithdrawer[] = [withdrawOwnerBadge, withdrawAlerts, withdrawMembership];

/**
 * Withdraws every consent the person currently has, in the caller's transaction: each state is
 * turned off and gets one WITHDRAWN ledger row. Used by "leave the community" and by account
 * deletion. Returns what was withdrawn (empty when nothing was granted).
 */
export async function withdrawAllConsents(
  tx: Prisma.TransactionClient,
  userId: string,
  options: WithdrawAllOptions,
): Promise<Withdrawal[]> {
  const withdrawn: Withdrawal[] = [];
  for (const withdraw of STATE_WITHDRAWERS) withdrawn.push(...(await withdraw(tx, userId)));
  // One INSERT for all rows, in this order (a member may have hundreds of subscriptions).
  await recordConsentEvents(
    tx,
    {
      subjectId: userId,
      action: "WITHDRAWN",
      locale: options.locale,
      source: options.source,
      channel: options.channel,
      requestId: options.requestId,
      textVersions: options.textVersions,
      actorId: options.actorId,
      reason: options.reason,
    },
    withdrawn,
  );
  return withdrawn;
}
