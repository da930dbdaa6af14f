import "server-only";
import { db, type Prisma } from "@/server/db/client";
import { countPages, type Paged } from "@/lib/pagination";
import { restrictionInForce } from "./find-active-sanctions";
import { requirePermission } from "./require-permission";

export const MEMBERS_PAGE_SIZE = 25;

export type MemberListItem = {
  id: string;
  displayName: string | null;
  email: string;
  role: "MEMBER" | "MODERATOR" | "ADMIN";
  isMember: boolean;
  createdAt: Date;
  /** Restrictions in force right now. */
  silenced: boolean;
  suspended: boolean;
};

export type ListMembersInput = { actorId: string | null; query?: string; page: number };

/**
 * People with an account (deleted ones excluded), for moderators ("member.view"): searched by
 * display name or e-mail (case-insensitive, contains), newest first, one page with the total.
 */
export async function listMembers(input: ListMembersInput): Promise<Paged<MemberListItem>> {
  await requirePermission(input.actorId, "member.view");
  const query = input.query?.trim().slice(0, 200) ?? "";
  const where: Prisma.UserWhereInput = {
    deletedAt: null,
    ...(query
      ? { OR: [{ displayName: { contains: query, mode: "insensitive" } }, { email: { contains: query, mode: "insensitive" } }] }
      : {}),
  };
  const now = new Date();
  const page = Math.max(1, input.page);
  const [total, rows] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * MEMBERS_PAGE_SIZE,
      take: MEMBERS_PAGE_SIZE,
      select: {
        id: true,
        displayName: true,
        email: true,
        role: true,
        isMember: true,
        createdAt: true,
        sanctions: { where: { OR: [restrictionInForce("SILENCE", now), restrictionInForce("SUSPENSION", now)] }, select: { kind: true } },
      },
    }),
  ]);
  return {
    items: rows.map(({ sanctions, ...row }) => ({
      ...row,
      silenced: sanctions.some((sanction) => sanction.kind === "SILENCE"),
      suspended: sanctions.some((sanction) => sanction.kind === "SUSPENSION"),
    })),
    page,
    pageSize: MEMBERS_PAGE_SIZE,
    total,
    pageCount: countPages(total, MEMBERS_PAGE_SIZE),
  };
}
