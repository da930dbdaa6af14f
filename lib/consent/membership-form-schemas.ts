import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * Schemas shared by the membership forms and their server actions. Messages are keys in the
 * "membership" namespace. Hidden fields (text versions, locale, source) only go wrong when a
 * page is stale or tampered with, so they all report "validation.reload".
 */

// An unticked checkbox is absent from the form data (null); only the exact value counts as ticked.
const tickbox = z.enum(["yes"], { error: "validation.reload" }).nullish().transform((value) => value === "yes");
const textVersion = z.coerce.number({ error: "validation.reload" }).int("validation.reload").positive("validation.reload");
const shownLocale = z.enum(LOCALES, { error: "validation.reload" });
const pageSource = z.enum(["JOIN_PAGE", "ACCOUNT_PAGE"], { error: "validation.reload" });

export const joinChoicesSchema = z
  .object({
    community: tickbox,
    ownerBadge: tickbox,
    communityTextVersion: textVersion,
    ownerBadgeTextVersion: textVersion,
    locale: shownLocale,
    from: z.enum(["invitation"], { error: "validation.reload" }).nullish(),
  })
  .refine((choices) => !choices.ownerBadge || choices.community, { path: ["ownerBadge"], message: "validation.badgeNeedsMembership" });
export type JoinChoices = z.infer<typeof joinChoicesSchema>;

export const ownerBadgeChoiceSchema = z.object({
  show: z.enum(["on", "off"], { error: "validation.reload" }).transform((value) => value === "on"),
  textVersion,
  locale: shownLocale,
  source: pageSource,
});
export type OwnerBadgeChoice = z.infer<typeof ownerBadgeChoiceSchema>;

export const leaveCommunitySchema = z.object({
  membershipTextVersion: textVersion,
  // Present only when the badge was on, so its withdrawal text was shown too.
  ownerBadgeTextVersion: textVersion.nullish(),
  locale: shownLocale,
  source: pageSource,
});
export type LeaveCommunityChoice = z.infer<typeof leaveCommunitySchema>;

/** Reads the named fields of a form as the schemas expect them (missing fields are null). */
export function formFields<const K extends string>(formData: FormData, names: readonly K[]): Record<K, FormDataEntryValue | null> {
  return Object.fromEntries(names.map((name) => [name, formData.get(name)])) as Record<K, FormDataEntryValue | null>;
}
