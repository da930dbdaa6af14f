import "server-only";
import { db } from "@/server/db/client";
import type { ConsentAction } from "@/lib/consent/consent-vocabulary";
import { LEDGER_CURSOR_PATTERN, type LedgerSearch } from "@/lib/moderation/ledger-search";
import { AppError } from "@/server/errors/app-error";
import { buildLedgerWhere, findLedgerSubjects, LEDGER_ROW_SELECT } from "./build-ledger-where";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";

export const LEDGER_PAGE_SIZE = 25;

export type LedgerRowView = {
  id: string;
  occurredAt: Date;
  subject: { id: string; displayName: string | null; email: string };
  purpose: string;
  action: ConsentAction;
  scope: string | null;
  textVersion: number;
  textSha256: string;
  /** The exact text the person was shown (ConsentText.body). */
  textBody: string;
  locale: string;
  source: string;
  channel: string;
  detail: string | null;
  /** Who recorded it when not the person (a moderator recording a requested withdrawal). */
  actor: { id: string; displayName: string | null } | null;
  reason: string | null;
  requestId: string;
};

/**
 * The consent ledger for the data-protection role ("ledger.view", admins only): rows matching
 * the search, newest first, each with the exact text shown, keyset-paged by id. Every call —
 * every page view — is itself audited ("ledger.view", with the search and the page) in the same
 * transaction as the read, so nobody reads the ledger without leaving a trace.
 * Throws INVALID_INPUT (details.field cursor) for a malformed cursor.
 */
export async function searchConsentLedger(
  actorId: string | null,
  search: LedgerSearch,
  options: { cursor?: string; limit?: number; requestId: string },
): Promise<{ items: LedgerRowView[]; nextCursor: string | null }> {
  const admin = await requirePermission(actorId, "ledger.view");
  if (options.cursor !== undefined && !LEDGER_CURSOR_PATTERN.test(options.cursor)) throw new AppError("INVALID_INPUT", { details: { field: "cursor" } });
  const limit = Math.min(Math.max(options.limit ?? LEDGER_PAGE_SIZE, 1), 200);

  return db().$transaction(async (tx) => {
    const subjectIds = await findLedgerSubjects(tx, search.member);
    const where = buildLedgerWhere(search, subjectIds);
    const rows = await tx.consentEvent.findMany({
      where: options.cursor ? { AND: [where, { id: { lt: BigInt(options.cursor) } }] } : where,
      orderBy: { id: "desc" },
      take: limit + 1,
      select: LEDGER_ROW_SELECT,
    });
    const page = rows.slice(0, limit);
    const actorIds = [...new Set(page.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
    const actors = actorIds.length ? await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } }) : [];
    await recordAuditEntry(tx, {
      actorId: admin.id,
      action: "ledger.view",
      targetType: "ledger",
      targetId: subjectIds?.length === 1 ? subjectIds[0]! : "search",
      after: { search: { ...search }, cursor: options.cursor ?? null, rows: page.length, members: subjectIds },
      requestId: options.requestId,
    });
    return {
      items: page.map((row) => ({
        id: row.id.toString(),
        occurredAt: row.occurredAt,
        subject: { id: row.subjectId, displayName: row.subject.displayName, email: row.subject.email },
        purpose: row.purpose,
        action: row.action,
        scope: row.scope,
        textVersion: row.textVersion,
        textSha256: row.textSha256,
        textBody: row.consentText.body,
        locale: row.locale,
        source: row.source,
        channel: row.channel,
        detail: row.detail,
        actor: row.actorId ? (actors.find((actor) => actor.id === row.actorId) ?? { id: row.actorId, displayName: null }) : null,
        reason: row.reason,
        requestId: row.requestId,
      })),
      nextCursor: rows.length > limit ? page.at(-1)!.id.toString() : null,
    };
  });
}
