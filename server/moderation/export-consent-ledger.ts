import "server-only";
import { db } from "@/server/db/client";
import { csvRow } from "@/lib/moderation/csv";
import type { LedgerSearch } from "@/lib/moderation/ledger-search";
import { buildLedgerWhere, findLedgerSubjects, LEDGER_ROW_SELECT } from "./build-ledger-where";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";

export const LEDGER_CSV_HEADER = [
  "id",
  "occurredAt",
  "subjectId",
  "subjectName",
  "subjectEmail",
  "purpose",
  "action",
  "scope",
  "detail",
  "textVersion",
  "textSha256",
  "textLocale",
  "text",
  "source",
  "channel",
  "actorId",
  "reason",
  "requestId",
];
const BATCH = 500;

/**
 * The ledger rows matching a search as CSV lines (header first, newest first, read in batches),
 * each with the exact text shown. Needs "ledger.view"; the export is audited ("ledger.export",
 * with the search) before the first line is produced.
 */
export async function exportConsentLedger(actorId: string | null, search: LedgerSearch, requestId: string): Promise<AsyncGenerator<string>> {
  const admin = await requirePermission(actorId, "ledger.view");
  const subjectIds = await db().$transaction(async (tx) => {
    const ids = await findLedgerSubjects(tx, search.member);
    await recordAuditEntry(tx, {
      actorId: admin.id,
      action: "ledger.export",
      targetType: "ledger",
      targetId: ids?.length === 1 ? ids[0]! : "search",
      after: { search: { ...search }, members: ids },
      requestId,
    });
    return ids;
  });
  const where = buildLedgerWhere(search, subjectIds);
  return (async function* lines() {
    yield csvRow(LEDGER_CSV_HEADER);
    let cursor: bigint | undefined;
    for (;;) {
      const rows = await db().consentEvent.findMany({
        where: cursor === undefined ? where : { AND: [where, { id: { lt: cursor } }] },
        orderBy: { id: "desc" },
        take: BATCH,
        select: LEDGER_ROW_SELECT,
      });
      let chunk = "";
      for (const row of rows) {
        chunk += csvRow([
          row.id,
          row.occurredAt,
          row.subjectId,
          row.subject.displayName,
          row.subject.email,
          row.purpose,
          row.action,
          row.scope,
          row.detail,
          row.textVersion,
          row.textSha256,
          row.locale,
          row.consentText.body,
          row.source,
          row.channel,
          row.actorId,
          row.reason,
          row.requestId,
        ]);
      }
      if (chunk) yield chunk;
      if (rows.length < BATCH) return;
      cursor = rows.at(-1)!.id;
    }
  })();
}
