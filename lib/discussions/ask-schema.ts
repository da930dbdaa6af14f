import { z } from "zod";
import { bodyField, languageField, titleField } from "./post-fields-schema";

export const THREAD_KINDS = ["QUESTION", "TIP", "DISCUSSION"] as const;
export type ThreadKindChoice = (typeof THREAD_KINDS)[number];

/** The ask form, shared by the form (field names) and the server action. */
export const askSchema = z.object({
  productSlug: z.string({ error: "write.errors.productUnknown" }).trim().min(1, "write.errors.productUnknown").max(200, "write.errors.productUnknown"),
  kind: z.enum(THREAD_KINDS, { error: "write.errors.kindInvalid" }),
  title: titleField,
  body: bodyField,
  language: languageField,
});
export type AskInput = z.infer<typeof askSchema>;
export const ASK_FIELDS = ["productSlug", "kind", "title", "body", "language"] as const;
