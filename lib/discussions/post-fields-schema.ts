import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { stripUnstorableCharacters } from "@/lib/text/strip-unstorable-characters";
import { BODY_MAX_LENGTH, BODY_MIN_LENGTH, TITLE_MAX_LENGTH, TITLE_MIN_LENGTH } from "./post-limits";

// Messages are keys in the "discussions" namespace, translated by the action.
export const titleField = z
  .string({ error: "write.errors.titleRequired" })
  .overwrite(stripUnstorableCharacters)
  .trim()
  .min(1, { error: "write.errors.titleRequired", abort: true })
  .min(TITLE_MIN_LENGTH, "write.errors.titleTooShort")
  .max(TITLE_MAX_LENGTH, "write.errors.titleTooLong");

export const bodyField = z
  .string({ error: "write.errors.bodyRequired" })
  .overwrite(stripUnstorableCharacters)
  .trim()
  .min(BODY_MIN_LENGTH, "write.errors.bodyRequired")
  .max(BODY_MAX_LENGTH, "write.errors.bodyTooLong");

export const languageField = z.enum(LOCALES, { error: "write.errors.languageInvalid" });

// Ids are cuids; the bound only keeps junk out of queries.
export const idField = z.string({ error: "write.errors.notFound" }).trim().min(1, "write.errors.notFound").max(64, "write.errors.notFound");

/** FormData → plain object for the named fields (absent fields stay undefined). */
export function formFieldsOf<const Names extends readonly string[]>(formData: FormData, names: Names): Record<Names[number], string | undefined> {
  const fields = {} as Record<Names[number], string | undefined>;
  for (const name of names) {
    const value = formData.get(name);
    fields[name as Names[number]] = typeof value === "string" ? value : undefined;
  }
  return fields;
}
