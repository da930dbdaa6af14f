import { z } from "zod";
import { stripUnstorableCharacters } from "@/lib/text/strip-unstorable-characters";

import { FLAG_NOTE_MAX_LENGTH, FLAG_REASONS } from "./flag-reasons";

export { FLAG_NOTE_MAX_LENGTH, FLAG_REASONS, type FlagReasonChoice } from "./flag-reasons";

// Messages are keys in the "moderation" namespace, translated by the action.
/** A member's flag: a reason (none pre-selected in the form) and a note, required for OTHER. */
export const flagPostSchema = z
  .object({
    postId: z.string({ error: "flags.errors.notFound" }).trim().min(1, "flags.errors.notFound").max(64, "flags.errors.notFound"),
    reason: z.enum(FLAG_REASONS, { error: "flags.errors.reasonRequired" }),
    note: z
      .string()
      .overwrite(stripUnstorableCharacters)
      .trim()
      .max(FLAG_NOTE_MAX_LENGTH, "flags.errors.noteTooLong")
      .optional()
      .transform((note) => (note ? note : undefined)),
  })
  .superRefine((value, context) => {
    if (value.reason === "OTHER" && !value.note) context.addIssue({ code: "custom", path: ["note"], message: "flags.errors.noteRequired" });
  });
export type FlagPostInput = z.infer<typeof flagPostSchema>;
export const FLAG_POST_FIELDS = ["postId", "reason", "note"] as const;
