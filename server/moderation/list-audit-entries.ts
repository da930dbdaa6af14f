import "server-only";
import { db } from "@/server/db/client";
import { AUDIT_CURSOR_PATTERN, type AuditFilters } from "@/lib/moderation/audit-filters";
import { AppError } from "@/server/errors/app-error";
import { afterAuditCursor, buildAuditWhere } from "./build-audit-where";
import { requirePermission } from "./require-permission";

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntryView = {
  id: string;
  occurredAt: Date;
  actor: { id: string; displayName: string | null; email: string };
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  requestId: string;
};

export const AUDIT_ENTRY_SELECT = {
  id: true,
  occurredAt: true,
  action: true,
  targetType: true,
  targetId: true,
  reason: true,
  before: true,
  after: true,
  requestId: true,
  actor: { select: { id: true, displayName: true, email: true } },
} as const;

/**
 * One page of the audit log, newest first, filtered; keyset pagination on (occurredAt, id), so
 * every page costs the same however deep. `nextCursor` is null on the last page.
 * Needs "audit.view". Throws INVALID_INPUT (details.field cursor) for a malformed cursor.
 */
export async function listAuditEntries(
  actorId: string | null,
  filters: AuditFilters,
  options: { cursor?: string; limit?: number } = {},
): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  await requirePermission(actorId, "audit.view");
  if (options.cursor !== undefined && !AUDIT_CURSOR_PATTERN.test(options.cursor)) throw new AppError("INVALID_INPUT", { details: { field: "cursor" } });
  const limit = Math.min(Math.max(options.limit ?? AUDIT_PAGE_SIZE, 1), 200);
  const rows = await db().auditLogEntry.findMany({
    where: { AND: [buildAuditWhere(filters), afterAuditCursor(options.cursor)] },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: AUDIT_ENTRY_SELECT,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...row, id: row.id.toString() })),
    nextCursor: rows.length > limit && last ? `${last.occurredAt.getTime()}.${last.id}` : null,
  };
}
