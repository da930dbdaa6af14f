import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

export const DISPLAY_NAME_MAX = 60;

/**
 * The /account form. An empty display name or language means "none chosen" (null): the
 * community then shows a neutral label and the site follows the browser's language.
 * Messages are keys in the "auth" namespace.
 */
export const accountSettingsSchema = z.object({
  displayName: z
    .string({ error: "validation.displayNameInvalid" })
    .trim()
    .max(DISPLAY_NAME_MAX, "validation.displayNameTooLong")
    // Letters (any script), digits, spaces and everyday punctuation; no control or markup characters.
    .regex(/^[\p{L}\p{M}\p{N} .,'’\-_()&]*$/u, "validation.displayNameInvalid")
    .transform((name) => (name === "" ? null : name.replace(/\s+/g, " "))),
  locale: z
    .union([z.literal(""), z.enum(LOCALES)], { error: "validation.localeUnsupported" })
    .transform((locale) => (locale === "" ? null : locale)),
});

export type AccountSettingsInput = z.input<typeof accountSettingsSchema>;
export type AccountSettings = z.output<typeof accountSettingsSchema>;
