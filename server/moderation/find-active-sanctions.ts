import "server-only";
import { db, type Prisma } from "@/server/db/client";

export type ActiveSanction = {
  id: string;
  kind: "WARNING" | "SILENCE" | "SUSPENSION";
  reason: string;
  startsAt: Date;
  /** null = until revoked. */
  endsAt: Date | null;
};

/** Warnings stay on the member's account page this long. */
export const WARNING_SHOWN_DAYS = 30;

/** A silence or suspension in force at `now`: started, not ended, not revoked. */
export function restrictionInForce(kind: "SILENCE" | "SUSPENSION", now: Date): Prisma.SanctionWhereInput {
  return { kind, revokedAt: null, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
}

/**
 * What a member is under right now: silences and suspensions in force, and warnings from the last
 * WARNING_SHOWN_DAYS days that were not revoked. Most recent first. One query.
 */
export async function findActiveSanctions(userId: string, now: Date = new Date()): Promise<ActiveSanction[]> {
  const warningsSince = new Date(now.getTime() - WARNING_SHOWN_DAYS * 24 * 60 * 60 * 1000);
  return db().sanction.findMany({
    where: {
      userId,
      OR: [restrictionInForce("SILENCE", now), restrictionInForce("SUSPENSION", now), { kind: "WARNING", revokedAt: null, createdAt: { gte: warningsSince } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, reason: true, startsAt: true, endsAt: true },
  });
}

/**
 * The restriction of this kind that lasts longest (indefinite first), or null: what a silenced
 * member is told when posting, and a suspended one when signing in.
 */
export async function findRestriction(userId: string, kind: "SILENCE" | "SUSPENSION", now: Date = new Date()): Promise<ActiveSanction | null> {
  const rows = await db().sanction.findMany({
    where: { userId, ...restrictionInForce(kind, now) },
    select: { id: true, kind: true, reason: true, startsAt: true, endsAt: true },
  });
  if (rows.length === 0) return null;
  return rows.reduce((longest, row) => (longest.endsAt === null ? longest : row.endsAt === null || row.endsAt > longest.endsAt ? row : longest));
}

/**
 * A suspension still in force, by its id: what the sign-in page shows the person whose link was
 * refused (the id only reaches them through that redirect). null when unknown, over or revoked.
 */
export async function findSuspensionInForce(sanctionId: string, now: Date = new Date()): Promise<ActiveSanction | null> {
  if (!/^[a-z0-9]{8,40}$/i.test(sanctionId)) return null;
  return db().sanction.findFirst({
    where: { id: sanctionId, ...restrictionInForce("SUSPENSION", now) },
    select: { id: true, kind: true, reason: true, startsAt: true, endsAt: true },
  });
}
