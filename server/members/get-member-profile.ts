import "server-only";
import { db } from "@/server/db/client";

export type MemberProfile = {
  id: string;
  displayName: string | null;
  /** Only while they are a member: someone who left keeps their posts, not the title. */
  memberSince: Date | null;
};

/**
 * The public face of someone in the community, or null (→ 404) for an unknown or deleted
 * account, and for a customer who never joined and never posted: buying something does not
 * make anyone public.
 */
export async function getMemberProfile(userId: string): Promise<MemberProfile | null> {
  const user = await db().user.findFirst({
    where: {
      id: userId,
      deletedAt: null,
      OR: [{ isMember: true }, { posts: { some: { deletedAt: null, thread: { deletedAt: null } } } }],
    },
    select: { id: true, displayName: true, isMember: true, memberSince: true },
  });
  if (!user) return null;
  return { id: user.id, displayName: user.displayName, memberSince: user.isMember ? user.memberSince : null };
}
