import "server-only";
import { db } from "@/server/db/client";

export type MemberProfile = {
  id: string;
  displayName: string | null;
  /** Only while they are a member: someone who left keeps their posts, not the title. */
  memberSince: Date | null;
  /** Visible posts (not deleted, not in a deleted thread), so a page past the end can 404 early. */
  postCount: number;
};

const VISIBLE_POST = { deletedAt: null, visibility: "VISIBLE" as const, thread: { deletedAt: null } };

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
      OR: [{ isMember: true }, { posts: { some: VISIBLE_POST } }],
    },
    select: {
      id: true,
      displayName: true,
      isMember: true,
      memberSince: true,
      _count: { select: { posts: { where: VISIBLE_POST } } },
    },
  });
  if (!user) return null;
  return { id: user.id, displayName: user.displayName, memberSince: user.isMember ? user.memberSince : null, postCount: user._count.posts };
}
