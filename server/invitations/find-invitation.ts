import "server-only";
import { db } from "@/server/db/client";
import { verifyToken } from "@/server/tokens/verify-token";
import { INVITATION_TOKEN_KIND } from "./invitation-token-kind";

export type InvitationView = {
  isMember: boolean;
  invitationsDeclined: boolean;
  /** What the order was for, so the person recognises why they are invited. */
  products: { name: string; slug: string }[];
};

// An order holds at most 100 lines (purchase webhook contract); this bound is a backstop.
const MAX_PRODUCTS_SHOWN = 100;

/**
 * What the invitation page shows for a token, or null for anything that is not a live
 * invitation (bad or forged token, unknown id, deleted account) — one answer for all, so the
 * page reveals nothing about which invitations or people exist. Nothing personal is returned:
 * the link may have been forwarded.
 */
export async function findInvitation(token: string): Promise<InvitationView | null> {
  const invitationId = verifyToken(INVITATION_TOKEN_KIND, token);
  if (invitationId === null) return null;

  const invitation = await db().invitation.findUnique({
    where: { id: invitationId },
    select: { userId: true, orderId: true, user: { select: { isMember: true, invitationsDeclined: true, deletedAt: true } } },
  });
  if (!invitation || invitation.user.deletedAt !== null) return null;

  const purchases =
    invitation.orderId === null
      ? []
      : await db().purchase.findMany({
          where: { userId: invitation.userId, orderId: invitation.orderId },
          select: { product: { select: { name: true, slug: true } } },
          orderBy: { product: { name: "asc" } },
          take: MAX_PRODUCTS_SHOWN,
        });

  return {
    isMember: invitation.user.isMember,
    invitationsDeclined: invitation.user.invitationsDeclined,
    products: purchases.map((purchase) => purchase.product),
  };
}
