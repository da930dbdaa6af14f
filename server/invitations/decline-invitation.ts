import "server-only";
import { db } from "@/server/db/client";
import { verifyToken } from "@/server/tokens/verify-token";
import { INVITATION_TOKEN_KIND } from "./invitation-token-kind";

export type DeclineOutcome = { remembered: boolean };

/**
 * "No thanks" on an invitation. Declining is the default state (nobody is a member until they
 * join), so there is nothing to record — unless the person asked not to be invited again:
 * only then is that preference stored and the invitation marked answered. No consent row: a
 * preference not to be asked is not a consent to anything. Null when the token opens no
 * invitation.
 */
export async function declineInvitation(token: string, dontInviteAgain: boolean): Promise<DeclineOutcome | null> {
  const invitationId = verifyToken(INVITATION_TOKEN_KIND, token);
  if (invitationId === null) return null;

  const invitation = await db().invitation.findUnique({
    where: { id: invitationId },
    select: { userId: true, user: { select: { deletedAt: true } } },
  });
  if (!invitation || invitation.user.deletedAt !== null) return null;
  if (!dontInviteAgain) return { remembered: false };

  await db().$transaction([
    db().user.update({ where: { id: invitation.userId }, data: { invitationsDeclined: true }, select: { id: true } }),
    db().invitation.updateMany({ where: { id: invitationId, respondedAt: null }, data: { respondedAt: new Date() } }),
  ]);
  return { remembered: true };
}
