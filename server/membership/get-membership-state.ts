import "server-only";
import { db } from "@/server/db/client";

export type MembershipState = { isMember: boolean; memberSince: Date | null; showsOwnerBadge: boolean };

/** What the person has currently chosen, for the join and account pages. */
export async function getMembershipState(userId: string): Promise<MembershipState> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { isMember: true, memberSince: true, showsOwnerBadge: true } });
  return user ?? { isMember: false, memberSince: null, showsOwnerBadge: false };
}
