import "server-only";
import type { Prisma } from "@/server/db/client";
import { dayRange } from "@/lib/moderation/audit-filters";
import type { LedgerSearch } from "@/lib/moderation/ledger-search";

/** At most this many people match a member search (a display-name fragment may match several). */
export const LEDGER_MEMBER_MATCHES = 50;

/**
 * The ledger's WHERE for a search, given the ids of the people the member search matched
 * (null when the search names no member). Uses the (subjectId, occurredAt) and (purpose,
 * occurredAt) indexes.
 */
export function buildLedgerWhere(search: LedgerSearch, subjectIds: string[] | null): Prisma.ConsentEventWhereInput {
  const where: Prisma.ConsentEventWhereInput = {};
  if (subjectIds) where.subjectId = { in: subjectIds };
  if (search.purpose) where.purpose = search.purpose;
  const range = dayRange(search.from, search.to);
  if (range.gte || range.lt) where.occurredAt = range;
  return where;
}

/** The people a member search names: exact id, exact e-mail (any case), or part of a display name. */
export async function findLedgerSubjects(tx: Prisma.TransactionClient, member: string | undefined): Promise<string[] | null> {
  if (!member) return null;
  const people = await tx.user.findMany({
    where: { OR: [{ id: member }, { email: { equals: member, mode: "insensitive" } }, { displayName: { contains: member, mode: "insensitive" } }] },
    select: { id: true },
    take: LEDGER_MEMBER_MATCHES,
  });
  return people.map((person) => person.id);
}

export const LEDGER_ROW_SELECT = {
  id: true,
  occurredAt: true,
  subjectId: true,
  purpose: true,
  action: true,
  scope: true,
  textVersion: true,
  textSha256: true,
  locale: true,
  source: true,
  channel: true,
  detail: true,
  actorId: true,
  reason: true,
  requestId: true,
  subject: { select: { displayName: true, email: true } },
  consentText: { select: { body: true } },
} as const;
