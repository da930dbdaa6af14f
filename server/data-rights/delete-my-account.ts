import "server-only";
import { db } from "@/server/db/client";
import type { ConsentPurposeWithText } from "@/lib/consent/consent-texts";
import type { PostDisposal } from "@/lib/data-rights/delete-account-schema";
import type { AppLocale } from "@/lib/i18n/locales";
import { publishPublicPageChange } from "@/server/http/publish-public-page-change";
import { suppressEmail } from "@/server/mail/suppress-email";
import { withdrawAllConsents, type Withdrawal } from "@/server/membership/withdraw-all-consents";
import { disposeOfMemberPosts } from "./dispose-of-member-posts";
import { tombstoneEmailAddress } from "./tombstone-email-address";

export interface AccountDeletionRequest {
  posts: PostDisposal;
  requestId: string;
  /** Language and versions of the withdrawal texts the page showed (recorded in the ledger). */
  locale: AppLocale;
  withdrawalTextVersions?: Partial<Record<ConsentPurposeWithText, number>>;
}

export type AccountDeletionOutcome = { status: "deleted"; withdrawn: Withdrawal[] } | { status: "not-found" };

export const SUPPRESSION_REASON_ACCOUNT_DELETED = "account deleted";

// About fifteen statements plus waiting for the row lock: Prisma's 5 s default is tight on a busy
// database, and running out only means "try again" (everything rolls back).
const DELETION_TIMEOUT_MS = 15_000;

/**
 * Deletes a person's account in ONE transaction, so it happens entirely or not at all:
 * - every consent is withdrawn, each with a ledger row (source ACCOUNT_DELETION);
 * - their posts get the treatment they chose;
 * - the address is kept only as a hash on the never-mail-again list;
 * - personal data is erased: the user row becomes a pseudonymous tombstone (the ledger rows,
 *   which can never change or go, keep pointing at it) and everything else about them —
 *   sign-in accounts and tokens, purchases, orders, invitations, the sent-mail log — is deleted.
 * A later purchase with the same address matches no account and creates a fresh customer.
 */
export async function deleteMyAccount(userId: string, request: AccountDeletionRequest): Promise<AccountDeletionOutcome> {
  return db().$transaction(async (tx) => {
    // Locks the row: two deletions at once (double submit) run one after the other, and the
    // second finds the account already deleted instead of withdrawing twice.
    const [account] = await tx.$queryRaw<{ email: string }[]>`
      SELECT email FROM "User" WHERE id = ${userId} AND "deletedAt" IS NULL FOR UPDATE`;
    if (!account) return { status: "not-found" } as const;

    const withdrawn = await withdrawAllConsents(tx, userId, {
      source: "ACCOUNT_DELETION",
      channel: "WEB",
      requestId: request.requestId,
      locale: request.locale,
      textVersions: request.withdrawalTextVersions,
    });
    await disposeOfMemberPosts(tx, userId, request.posts);
    // Their name and posts may be on any public page: every cached anonymous copy goes at commit.
    await publishPublicPageChange(tx, { all: true });
    await suppressEmail(tx, account.email, SUPPRESSION_REASON_ACCOUNT_DELETED);

    await tx.account.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.verificationToken.deleteMany({ where: { identifier: account.email } });
    await tx.sentEmail.deleteMany({ where: { userId } });
    await tx.invitation.deleteMany({ where: { userId } });
    // Orders keep the webhook's response, which names the customer: they go with the purchases.
    await tx.shopOrder.deleteMany({ where: { userId } });
    await tx.purchase.deleteMany({ where: { userId } });
    // What is left after the withdrawals (Muted rows, in-app switches, delivery settings) is a
    // preference of a person who no longer exists.
    await tx.alertSubscription.deleteMany({ where: { userId } });
    await tx.personalEventPreference.deleteMany({ where: { userId } });
    await tx.emailPreference.deleteMany({ where: { userId } });
    // Their inbox and their queued or sent alerts: about them, for them only.
    await tx.notification.deleteMany({ where: { userId } });
    await tx.emailDelivery.deleteMany({ where: { userId } });
    await tx.digest.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: {
        email: tombstoneEmailAddress(userId),
        emailVerified: null,
        displayName: null,
        name: null,
        image: null,
        locale: null,
        // Reset to defaults: the tombstone holds no preference, consent or privilege.
        role: "MEMBER",
        isMember: false,
        memberSince: null,
        showsOwnerBadge: false,
        invitationsDeclined: false,
        deletedAt: new Date(),
      },
      select: { id: true },
    });
    return { status: "deleted", withdrawn } as const;
  }, { timeout: DELETION_TIMEOUT_MS });
}
