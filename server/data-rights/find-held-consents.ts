import "server-only";
import { db } from "@/server/db/client";
import type { ConsentPurposeWithText } from "@/lib/consent/consent-texts";

/**
 * The consents a person holds right now, which deleting their account would withdraw, in the
 * order withdrawAllConsents records them. The deletion form shows each one's withdrawal wording.
 * Keep in step with the withdrawers in server/membership/withdraw-all-consents.ts when alert
 * subscriptions arrive.
 */
export async function findHeldConsents(userId: string): Promise<ConsentPurposeWithText[]> {
  const user = await db().user.findUnique({
    where: { id: userId, deletedAt: null },
    select: { isMember: true, showsOwnerBadge: true },
  });
  if (!user) return [];
  const held: ConsentPurposeWithText[] = [];
  if (user.showsOwnerBadge) held.push("OWNER_BADGE");
  if (user.isMember) held.push("COMMUNITY_MEMBERSHIP");
  return held;
}
