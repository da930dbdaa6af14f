import "server-only";
import type { Prisma } from "@/server/db/generated/prisma/client";

/** What a person may see of each of their ledger rows: the history page and the data export. */
export const CONSENT_EVENT_SELECT = {
  id: true,
  occurredAt: true,
  purpose: true,
  action: true,
  scope: true,
  source: true,
  channel: true,
  locale: true,
  textVersion: true,
  textSha256: true,
  requestId: true,
  actorId: true,
  reason: true,
  detail: true,
  consentText: { select: { body: true } },
} as const satisfies Prisma.ConsentEventSelect;

/** Newest first; id breaks ties, because rows written in one transaction share a timestamp. */
export const CONSENT_EVENT_ORDER = [{ occurredAt: "desc" }, { id: "desc" }] as const satisfies Prisma.ConsentEventOrderByWithRelationInput[];
