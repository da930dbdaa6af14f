import "server-only";
import type { Prisma } from "@/server/db/client";
import { dayRange, type AuditFilters } from "@/lib/moderation/audit-filters";

/**
 * The audit log's WHERE for a set of filters (each one uses an index: actor, target, action,
 * each with occurredAt). `actor` is an e-mail address (matched case-insensitively) or a user id.
 */
export function buildAuditWhere(filters: AuditFilters): Prisma.AuditLogEntryWhereInput {
  const where: Prisma.AuditLogEntryWhereInput = {};
  if (filters.actor) {
    where.actor = filters.actor.includes("@") ? { email: { equals: filters.actor, mode: "insensitive" } } : { id: filters.actor };
  }
  if (filters.action) where.action = filters.action.endsWith(".") ? { startsWith: filters.action } : filters.action;
  if (filters.targetType) where.targetType = filters.targetType;
  if (filters.targetId) where.targetId = filters.targetId;
  const range = dayRange(filters.from, filters.to);
  if (range.gte || range.lt) where.occurredAt = range;
  return where;
}

/** Rows strictly after the keyset position "<occurredAt ms>.<id>" in newest-first order. */
export function afterAuditCursor(cursor: string | undefined): Prisma.AuditLogEntryWhereInput {
  if (!cursor) return {};
  const [ms, id] = cursor.split(".");
  const at = new Date(Number(ms));
  return { OR: [{ occurredAt: { lt: at } }, { occurredAt: at, id: { lt: BigInt(id!) } }] };
}
