import { z } from "zod";

/**
 * Filters of /moderation/audit and its CSV export, read from the URL (?actor=&action=&targetType=
 * &targetId=&from=&to=&cursor=). Every field is optional; empty strings mean "any".
 * `actor` is a user id or an e-mail address; `action` is exact ("post.hide") or a prefix ending
 * with a dot ("post."); `from`/`to` are calendar days (UTC), both inclusive.
 */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "audit.filters.invalid")
    .transform((value) => value || undefined)
    .optional();
const day = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, "audit.filters.invalidDate")
  .refine((value) => !value || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "audit.filters.invalidDate")
  .transform((value) => value || undefined)
  .optional();

export const auditFiltersSchema = z.object({
  actor: text(320),
  action: text(100),
  targetType: text(40),
  targetId: text(200),
  from: day,
  to: day,
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** Keyset position: the last row shown, as "<occurredAt ms>.<id>". */
export const AUDIT_CURSOR_PATTERN = /^\d{1,15}\.\d{1,19}$/;

/** Only the first value of each parameter; arrays from repeated parameters are not filters. */
export function firstParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") out[key] = first;
  }
  return out;
}

/** The search string of a filtered dashboard view (and its export), without empty fields. */
export function auditFiltersQuery(filters: Readonly<Record<string, string | undefined>>, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Calendar day bounds: [from 00:00 UTC, the day after `to` 00:00 UTC). */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (from) range.gte = new Date(`${from}T00:00:00Z`);
  if (to) range.lt = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  return range;
}
