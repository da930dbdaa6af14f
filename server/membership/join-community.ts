import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { ConsentChannel } from "@/lib/consent/consent-vocabulary";
import type { ConsentPurposeWithText } from "@/lib/consent/consent-texts";
import type { AppLocale } from "@/lib/i18n/locales";
import { recordConsentEvent } from "./record-consent-event";

export type JoinCommunityInput = {
  userId: string;
  /** What the person ticked: each is a separate consent, both start unticked. */
  choices: { community: boolean; ownerBadge: boolean };
  /** GRANTED text versions the page showed next to each choice. */
  textVersions: { community: number; ownerBadge: number };
  locale: AppLocale;
  source: "JOIN_PAGE" | "INVITATION_PAGE";
  channel: ConsentChannel;
  requestId: string;
};

/**
 * Records what a person chose on the join page. Each newly granted purpose sets its state and
 * appends its GRANTED ledger row in ONE transaction, so the state never exists without its
 * proof. Nothing ticked records nothing (that is a decline). Choices already in effect are not
 * recorded again. Returns the purposes granted by this call.
 */
export async function joinCommunity(input: JoinCommunityInput): Promise<ConsentPurposeWithText[]> {
  const { userId, choices } = input;
  if (!choices.community && !choices.ownerBadge) return [];

  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { deletedAt: true, isMember: true } });
    if (!user) throw new AppError("SIGN_IN_REQUIRED");
    if (user.deletedAt) throw new AppError("ACCOUNT_DELETED");
    // The badge is shown on community posts, so alone it would be a consent to nothing.
    if (choices.ownerBadge && !choices.community && !user.isMember) {
      throw new AppError("INVALID_INPUT", { details: { field: "ownerBadge" } });
    }

    const granted: ConsentPurposeWithText[] = [];
    const ledger = { subjectId: userId, action: "GRANTED", locale: input.locale, source: input.source, channel: input.channel, requestId: input.requestId } as const;

    if (choices.community) {
      // Conditional on "not yet a member": a double submit cannot record two grants.
      const { count } = await tx.user.updateMany({ where: { id: userId, isMember: false }, data: { isMember: true, memberSince: new Date() } });
      if (count > 0) {
        await recordConsentEvent(tx, { ...ledger, purpose: "COMMUNITY_MEMBERSHIP", textVersion: input.textVersions.community });
        granted.push("COMMUNITY_MEMBERSHIP");
        // Joining answers any open invitation, whichever way the person arrived here.
        await tx.invitation.updateMany({ where: { userId, respondedAt: null }, data: { respondedAt: new Date() } });
      }
    }
    if (choices.ownerBadge) {
      const { count } = await tx.user.updateMany({ where: { id: userId, isMember: true, showsOwnerBadge: false }, data: { showsOwnerBadge: true } });
      if (count > 0) {
        await recordConsentEvent(tx, { ...ledger, purpose: "OWNER_BADGE", textVersion: input.textVersions.ownerBadge });
        granted.push("OWNER_BADGE");
      }
    }
    return granted;
  });
}
