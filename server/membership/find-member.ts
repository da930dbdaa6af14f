import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { AppLocale } from "@/lib/i18n/locales";
import { restrictionInForce } from "@/server/moderation/find-active-sanctions";

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
 * A silenced member is refused too (FORBIDDEN, details.reason SILENCED with `until` (ISO, null =
 * until revoked) and `sanctionReason`, their own sanction's reason, shown to them).
 */
export async function findMember(userId: string | null): Promise<Member> {
  if (!userId) throw new AppError("SIGN_IN_REQUIRED");
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      displayName: true,
      locale: true,
      role: true,
      isMember: true,
      showsOwnerBadge: true,
      deletedAt: true,
      // The silence in force that lasts longest (indefinite first: nulls sort first descending).
      sanctions: { where: restrictionInForce("SILENCE", new Date()), orderBy: { endsAt: { sort: "desc", nulls: "first" } }, take: 1, select: { reason: true, endsAt: true } },
    },
  });
  if (!user) throw new AppError("SIGN_IN_REQUIRED");
  if (user.deletedAt) throw new AppError("ACCOUNT_DELETED");
  if (!user.isMember) throw new AppError("MEMBERSHIP_REQUIRED");
  const silence = user.sanctions[0];
  if (silence) throw new AppError("FORBIDDEN", { details: { reason: "SILENCED", until: silence.endsAt?.toISOString() ?? null, sanctionReason: silence.reason } });
  return { id: user.id, displayName: user.displayName, locale: user.locale, role: user.role, showsOwnerBadge: user.showsOwnerBadge };
}
