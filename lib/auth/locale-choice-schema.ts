import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/** The language switch's form: one of the supported locales, nothing else. */
export const localeChoiceSchema = z.object({
  locale: z.enum(LOCALES, { error: "validation.localeUnsupported" }),
});

export type LocaleChoice = z.infer<typeof localeChoiceSchema>;
