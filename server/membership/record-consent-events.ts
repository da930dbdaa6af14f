import "server-only";
import type { Prisma } from "@/server/db/client";
import type { ConsentAction, ConsentChannel, ConsentSource } from "@/lib/consent/consent-vocabulary";
import { getConsentText, type ConsentPurposeWithText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import type { AppLocale } from "@/lib/i18n/locales";
import { AppError } from "@/server/errors/app-error";
import { ConsentTextVersionConflictError } from "./record-consent-event";

export type ConsentEventsInput = {
  subjectId: string;
  /** Every row of one call has the same action (a bulk stop, leaving: all WITHDRAWN). */
  action: ConsentAction;
  locale: AppLocale;
  source: ConsentSource;
  channel: ConsentChannel;
  requestId: string;
  /** Versions the page showed, per purpose; a purpose missing here is not checked (no form showed it). */
  textVersions?: Partial<Record<ConsentPurposeWithText, number>>;
  actorId?: string | null;
  reason?: string | null;
};

export type ConsentEventRow = { purpose: ConsentPurposeWithText; scope?: string | null; detail?: string | null };

/**
 * recordConsentEvent for many rows at once, in the caller's transaction and in the given order:
 * the texts are resolved (and stored on first use) once per purpose, then every row is inserted
 * by one INSERT, so a member with hundreds of subscriptions costs a handful of queries, not
 * hundreds. Same checks as recordConsentEvent: CONSENT_TEXT_OUTDATED when a shown version is not
 * the current one, ConsentTextVersionConflictError when a stored wording differs.
 */
export async function recordConsentEvents(tx: Prisma.TransactionClient, input: ConsentEventsInput, rows: readonly ConsentEventRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const texts = new Map<ConsentPurposeWithText, { id: string; version: number; sha256: string }>();
  // One iteration per distinct purpose (at most a handful), not per row.
  for (const purpose of new Set(rows.map((row) => row.purpose))) {
    texts.set(purpose, await storedText(tx, purpose, input));
  }
  const { count } = await tx.consentEvent.createMany({
    data: rows.map((row) => {
      const text = texts.get(row.purpose)!;
      return {
        subjectId: input.subjectId,
        purpose: row.purpose,
        action: input.action,
        scope: row.scope ?? null,
        consentTextId: text.id,
        textVersion: text.version,
        textSha256: text.sha256,
        locale: input.locale,
        source: input.source,
        channel: input.channel,
        requestId: input.requestId,
        actorId: input.actorId ?? null,
        reason: input.reason ?? null,
        detail: row.detail ?? null,
      };
    }),
  });
  return count;
}

async function storedText(tx: Prisma.TransactionClient, purpose: ConsentPurposeWithText, input: ConsentEventsInput) {
  const { action, locale } = input;
  const text = getConsentText(purpose, action, locale);
  const shownVersion = input.textVersions?.[purpose];
  if (shownVersion !== undefined && shownVersion !== text.version) {
    throw new AppError("CONSENT_TEXT_OUTDATED", { details: { purpose, action, shownVersion, currentVersion: text.version } });
  }
  const sha256 = sha256Hex(text.body);
  const key = { purpose_action_version_locale: { purpose, action, version: text.version, locale } };
  let stored = await tx.consentText.findUnique({ where: key, select: { id: true, sha256: true } });
  if (!stored) {
    await tx.consentText.createMany({ data: [{ purpose, action, version: text.version, locale, body: text.body, sha256 }], skipDuplicates: true });
    stored = await tx.consentText.findUniqueOrThrow({ where: key, select: { id: true, sha256: true } });
  }
  if (stored.sha256 !== sha256) throw new ConsentTextVersionConflictError(purpose, action, text.version, locale);
  return { id: stored.id, version: text.version, sha256 };
}
