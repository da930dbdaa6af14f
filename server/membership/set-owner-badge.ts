import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { ConsentChannel } from "@/lib/consent/consent-vocabulary";
import type { AppLocale } from "@/lib/i18n/locales";
import { recordConsentEvent } from "./record-consent-event";

export type SetOwnerBadgeInput = {
  userId: string;
  show: boolean;
  /** Version of the text shown next to the button (GRANTED to turn on, WITHDRAWN to turn off). */
  textVersion: number;
  locale: AppLocale;
  source: "JOIN_PAGE" | "ACCOUNT_PAGE";
  channel: ConsentChannel;
  requestId: string;
};

/**
 * Turns the "verified owner" badge on or off: state and ledger row in one transaction. Turning
 * it on needs membership. Returns false when it already was in the requested state (nothing
 * recorded).
 */
export async function setOwnerBadge(input: SetOwnerBadgeInput): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { deletedAt: true, isMember: true } });
    if (!user) throw new AppError("SIGN_IN_REQUIRED");
    if (user.deletedAt) throw new AppError("ACCOUNT_DELETED");
    if (input.show && !user.isMember) throw new AppError("MEMBERSHIP_REQUIRED");

    const { count } = await tx.user.updateMany({
      where: { id: input.userId, showsOwnerBadge: !input.show, ...(input.show ? { isMember: true } : {}) },
      data: { showsOwnerBadge: input.show },
    });
    if (count === 0) return false;
    await recordConsentEvent(tx, {
      subjectId: input.userId,
      purpose: "OWNER_BADGE",
      action: input.show ? "GRANTED" : "WITHDRAWN",
      textVersion: input.textVersion,
      locale: input.locale,
      source: input.source,
      channel: input.channel,
      requestId: input.requestId,
    });
    return true;
  });
}
