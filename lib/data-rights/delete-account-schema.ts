import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { CONSENT_TEXTS, type ConsentPurposeWithText } from "@/lib/consent/consent-texts";

/** What happens to a deleted member's questions and answers: the person chooses, nothing is pre-selected. */
export const POST_DISPOSALS = ["keep-as-deleted-member", "remove"] as const;
export type PostDisposal = (typeof POST_DISPOSALS)[number];

/** Form field carrying "PURPOSE:version" for each withdrawal text the page showed. */
export const SHOWN_WITHDRAWAL_FIELD = "shownWithdrawal";

const purposesWithText = Object.keys(CONSENT_TEXTS) as [ConsentPurposeWithText, ...ConsentPurposeWithText[]];
const shownWithdrawal = z.templateLiteral([z.enum(purposesWithText), ":", z.number().int()], { error: "validation.reload" });

/**
 * The "Delete my account" form, shared by the form and its action. Both the posts choice and the
 * confirmation are required and neither is pre-filled. Messages are keys in the "dataRights"
 * namespace.
 */
export const deleteAccountSchema = z
  .object({
    posts: z.enum(POST_DISPOSALS, { error: "validation.postsChoiceRequired" }),
    confirm: z.literal("yes", { error: "validation.confirmRequired" }),
    // The language and versions of the withdrawal texts the page showed, so the ledger records
    // exactly what the person read.
    locale: z.enum(LOCALES, { error: "validation.reload" }),
    shownWithdrawals: z.array(shownWithdrawal, { error: "validation.reload" }).max(purposesWithText.length, "validation.reload"),
  })
  .transform(({ shownWithdrawals, ...choice }) => ({
    ...choice,
    withdrawalTextVersions: Object.fromEntries(
      shownWithdrawals.map((entry) => {
        const [purpose, version] = entry.split(":");
        return [purpose, Number(version)];
      }),
    ) as Partial<Record<ConsentPurposeWithText, number>>,
  }));

export type DeleteAccountInput = z.input<typeof deleteAccountSchema>;
export type DeleteAccountChoice = z.output<typeof deleteAccountSchema>;
