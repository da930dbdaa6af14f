import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { AppLocale } from "@/lib/i18n/locales";

export type Member = {
  id: string;
  displayName: string | null;
  locale: AppLocale | null;
  role: "MEMBER" | "MODERATOR" | "ADMIN";
  showsOwnerBadge: boolean;
};

/**
 * The membership check behind requireMember, given the signed-in person's id (null when signed
 * out). Reads the database every time: a member who just left must be refused at once.
 */
export async function findMember(userId: string | null): Promise<Member> {
  if (!userId) throw new AppError("SIGN_IN_REQUIRED");
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, displayName: true, locale: true, role: true, isMember: true, showsOwnerBadge: true, deletedAt: true },
  });
  if (!user) throw new AppError("SIGN_IN_REQUIRED");
  if (user.deletedAt) throw new AppError("ACCOUNT_DELETED");
  if (!user.isMember) throw new AppError("MEMBERSHIP_REQUIRED");
  return { id: user.id, displayName: user.displayName, locale: user.locale, role: user.role, showsOwnerBadge: user.showsOwnerBadge };
}
