import { z } from "zod";
import { CONSENT_PURPOSES } from "@/lib/consent/consent-vocabulary";

/**
 * The consent ledger viewer's search (/moderation/ledger and its CSV export), read from the URL.
 * `member` is a user id, an e-mail address (exact, any case) or part of a display name;
 * `purpose` one ledger purpose; `from`/`to` calendar days (UTC), inclusive. All optional.
 */
const day = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/)
  .refine((value) => !value || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .transform((value) => value || undefined)
  .optional();

export const ledgerSearchSchema = z.object({
  member: z
    .string()
    .trim()
    .max(320)
    .transform((value) => value || undefined)
    .optional(),
  purpose: z
    .union([z.enum(CONSENT_PURPOSES), z.literal("")])
    .transform((value) => value || undefined)
    .optional(),
  from: day,
  to: day,
});
export type LedgerSearch = z.infer<typeof ledgerSearchSchema>;

/** Keyset position: the id of the last row shown (rows are newest first by id). */
export const LEDGER_CURSOR_PATTERN = /^\d{1,19}$/;
