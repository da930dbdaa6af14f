import "server-only";
import { db } from "@/server/db/client";
import { countPages, type Paged } from "@/lib/pagination";
import type { ConsentAction, ConsentChannel, ConsentPurpose, ConsentSource } from "@/lib/consent/consent-vocabulary";
import type { AppLocale } from "@/lib/i18n/locales";
import { CONSENT_EVENT_ORDER, CONSENT_EVENT_SELECT } from "./consent-event-select";

export const CONSENT_HISTORY_PAGE_SIZE = 20;

export type ConsentHistoryEntry = {
  id: string;
  occurredAt: Date;
  purpose: ConsentPurpose;
  action: ConsentAction;
  scope: string | null;
  source: ConsentSource;
  channel: ConsentChannel;
  locale: AppLocale;
  textVersion: number;
  textSha256: string;
  /** The exact wording shown, as stored with the row. */
  textBody: string;
  /** Set when someone else recorded it for the person (a moderator, on request). */
  recordedByOther: boolean;
  reason: string | null;
  /** What exactly was chosen, for purposes with settings ("level=NEW_THREADS inApp=on email=off"). */
  detail: string | null;
};

/** One page of the ledger rows about a person, newest first, each with the text they were shown. */
export async function listConsentHistory(userId: string, page: number): Promise<Paged<ConsentHistoryEntry>> {
  const where = { subjectId: userId };
  const [total, rows] = await Promise.all([
    db().consentEvent.count({ where }),
    db().consentEvent.findMany({
      where,
      orderBy: [...CONSENT_EVENT_ORDER],
      skip: (page - 1) * CONSENT_HISTORY_PAGE_SIZE,
      take: CONSENT_HISTORY_PAGE_SIZE,
      select: CONSENT_EVENT_SELECT,
    }),
  ]);
  return {
    // The request id is for audits and the export, not for this page.
    items: rows.map(({ id, actorId, requestId: _requestId, consentText, ...row }) => ({
      ...row,
      id: id.toString(),
      textBody: consentText.body,
      recordedByOther: actorId !== null && actorId !== userId,
    })),
    page,
    pageSize: CONSENT_HISTORY_PAGE_SIZE,
    total,
    pageCount: countPages(total, CONSENT_HISTORY_PAGE_SIZE),
  };
}
