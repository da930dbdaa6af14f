import "server-only";
import type { Prisma } from "@/server/db/client";
import type { ConsentChannel, ConsentSource } from "@/lib/consent/consent-vocabulary";
import type { ConsentPurposeWithText } from "@/lib/consent/consent-texts";
import type { AppLocale } from "@/lib/i18n/locales";
import { recordConsentEvent } from "./record-consent-event";

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

export type Withdrawal = { purpose: ConsentPurposeWithText; scope: string | null };

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

// EXTENSION POINT: every consent-based state a person can hold gets a withdrawer here. Alert
// subscriptions (product, category, thread alerts, digests) add one that deletes the person's
// subscription rows and returns one Withdrawal per deleted subscription, scoped to its target.
// Order is the order of the ledger rows: dependent purposes before membership.
const STATE_WITHDRAWERS: readonly StateWithdrawer[] = [withdrawOwnerBadge, withdrawMembership];

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
  for (const { purpose, scope } of withdrawn) {
    await recordConsentEvent(tx, {
      subjectId: userId,
      purpose,
      action: "WITHDRAWN",
      scope,
      locale: options.locale,
      source: options.source,
      channel: options.channel,
      requestId: options.requestId,
      textVersion: options.textVersions?.[purpose],
      actorId: options.actorId,
      reason: options.reason,
    });
  }
  return withdrawn;
}
