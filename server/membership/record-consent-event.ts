import "server-only";
import type { Prisma } from "@/server/db/client";
import type { ConsentAction, ConsentChannel, ConsentSource } from "@/lib/consent/consent-vocabulary";
import { getConsentText, type ConsentPurposeWithText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import type { AppLocale } from "@/lib/i18n/locales";
import { AppError } from "@/server/errors/app-error";

export type ConsentEventInput = {
  subjectId: string;
  purpose: ConsentPurposeWithText;
  action: ConsentAction;
  /** The language the text was shown in. */
  locale: AppLocale;
  source: ConsentSource;
  channel: ConsentChannel;
  requestId: string;
  /** The version the form showed; omit only when no text was shown by a form (e.g. a job). */
  textVersion?: number;
  /** What a narrower purpose applies to (a product id, a thread id…); omit for community-wide. */
  scope?: string | null;
  /** Who acted, when not the subject (a moderator recording a withdrawal asked for). */
  actorId?: string | null;
  reason?: string | null;
  /** What exactly was chosen, for purposes with settings: "level=NEW_THREADS", "email=on". */
  detail?: string | null;
};

export type RecordedConsentEvent = { id: bigint; textVersion: number; textSha256: string };

/** A stored text with this version says something else: the wording was edited in place. */
export class ConsentTextVersionConflictError extends Error {
  constructor(purpose: string, action: string, version: number, locale: string) {
    super(`Consent text ${purpose}/${action} v${version} (${locale}) differs from the stored one: bump its version in lib/consent/consent-texts.ts`);
    this.name = "ConsentTextVersionConflictError";
  }
}

/**
 * Appends one row to the consent ledger, inside the caller's transaction so the state change it
 * proves is written (or rolled back) with it. Stores the current wording the first time it is
 * used, and records its version and SHA-256 on the row.
 *
 * Throws AppError("CONSENT_TEXT_OUTDATED") when the form showed another version than the current
 * one: what is recorded must be what the person saw.
 */
export async function recordConsentEvent(tx: Prisma.TransactionClient, input: ConsentEventInput): Promise<RecordedConsentEvent> {
  const { purpose, action, locale } = input;
  const text = getConsentText(purpose, action, locale);
  if (input.textVersion !== undefined && input.textVersion !== text.version) {
    throw new AppError("CONSENT_TEXT_OUTDATED", {
      details: { purpose, action, shownVersion: input.textVersion, currentVersion: text.version },
    });
  }
  const sha256 = sha256Hex(text.body);
  const key = { purpose_action_version_locale: { purpose, action, version: text.version, locale } };

  let stored = await tx.consentText.findUnique({ where: key, select: { id: true, sha256: true } });
  if (!stored) {
    // ON CONFLICT DO NOTHING: a concurrent first use of the same text must not abort this
    // transaction; whichever insert won, the row read next is the stored one.
    await tx.consentText.createMany({
      data: [{ purpose, action, version: text.version, locale, body: text.body, sha256 }],
      skipDuplicates: true,
    });
    stored = await tx.consentText.findUniqueOrThrow({ where: key, select: { id: true, sha256: true } });
  }
  if (stored.sha256 !== sha256) throw new ConsentTextVersionConflictError(purpose, action, text.version, locale);

  const event = await tx.consentEvent.create({
    data: {
      subjectId: input.subjectId,
      purpose,
      action,
      scope: input.scope ?? null,
      consentTextId: stored.id,
      textVersion: text.version,
      textSha256: sha256,
      locale,
      source: input.source,
      channel: input.channel,
      requestId: input.requestId,
      actorId: input.actorId ?? null,
      reason: input.reason ?? null,
      detail: input.detail ?? null,
    },
    select: { id: true },
  });
  return { id: event.id, textVersion: text.version, textSha256: sha256 };
}
