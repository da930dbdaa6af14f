import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { ConsentChannel } from "@/lib/consent/consent-vocabulary";
import type { ConsentPurposeWithText } from "@/lib/consent/consent-texts";
import type { AppLocale } from "@/lib/i18n/locales";
import { withdrawAllConsents, type Withdrawal } from "./withdraw-all-consents";

export type LeaveCommunityInput = {
  userId: string;
  /** WITHDRAWN text versions the page showed, per purpose. */
  textVersions: Partial<Record<ConsentPurposeWithText, number>>;
  locale: AppLocale;
  source: "JOIN_PAGE" | "ACCOUNT_PAGE";
  channel: ConsentChannel;
  requestId: string;
};

/**
 * Leaves the community in one step: membership, the owner badge and every alert subscription
 * are withdrawn together, each with its own ledger row. Posts are untouched (they stay under the
 * person's display name). Returns what was withdrawn; empty when they were not a member.
 */
export async function leaveCommunity(input: LeaveCommunityInput): Promise<Withdrawal[]> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { deletedAt: true } });
    if (!user) throw new AppError("SIGN_IN_REQUIRED");
    if (user.deletedAt) throw new AppError("ACCOUNT_DELETED");
    return withdrawAllConsents(tx, input.userId, {
      source: input.source,
      channel: input.channel,
      requestId: input.requestId,
      locale: input.locale,
      textVersions: input.textVersions,
    });
  });
}
