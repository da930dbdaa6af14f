import "server-only";
import { db } from "@/server/db/client";
import type { AuditFilters } from "@/lib/moderation/audit-filters";
import { csvRow } from "@/lib/moderation/csv";
import { afterAuditCursor, buildAuditWhere } from "./build-audit-where";
import { AUDIT_ENTRY_SELECT } from "./list-audit-entries";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";

export const AUDIT_CSV_HEADER = ["id", "occurredAt", "actorId", "actorName", "actorEmail", "action", "targetType", "targetId", "reason", "before", "after", "requestId"];
const BATCH = 500;

/**
 * The filtered audit log as CSV lines (header first), newest first, read in keyset batches so a
 * large export never sits in memory. Needs "audit.view"; the export itself is audited
 * ("audit.export", with the filters) before the first line is produced.
 */
export async function exportAuditEntries(actorId: string | null, filters: AuditFilters, requestId: string): Promise<AsyncGenerator<string>> {
  const moderator = await requirePermission(actorId, "audit.view");
  await db().$transaction((tx) =>
    recordAuditEntry(tx, { actorId: moderator.id, action: "audit.export", targetType: "audit", targetId: "csv", after: { filters: { ...filters } }, requestId }),
  );
  return (async function* lines() {
    yield csvRow(AUDIT_CSV_HEADER);
    const where = buildAuditWhere(filters);
    let cursor: string | undefined;
    for (;;) {
      const rows = await db().auditLogEntry.findMany({
        where: { AND: [where, afterAuditCursor(cursor)] },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
        take: BATCH,
        select: AUDIT_ENTRY_SELECT,
      });
      let chunk = "";
      for (const row of rows) {
        chunk += csvRow([
          row.id,
          row.occurredAt,
          row.actor.id,
          row.actor.displayName,
          row.actor.email,
          row.action,
          row.targetType,
          row.targetId,
          row.reason,
          row.before === null ? null : JSON.stringify(row.before),
          row.after === null ? null : JSON.stringify(row.after),
          row.requestId,
        ]);
      }
      if (chunk) yield chunk;
      const last = rows.at(-1);
      if (rows.length < BATCH || !last) return;
      cursor = `${last.occurredAt.getTime()}.${last.id}`;
    }
  })();
}
