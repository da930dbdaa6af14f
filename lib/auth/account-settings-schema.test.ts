import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { fieldErrorsFrom } from "@/lib/action-result";
import en from "@/messages/en/auth.json";
import fr from "@/messages/fr/auth.json";
import { accountSettingsSchema, DISPLAY_NAME_MAX } from "./account-settings-schema";

// What the account action does with a rejected form: schema, then field errors in the person's language.
function validate(input: { displayName?: unknown; locale?: unknown }, messages: typeof en = en, locale = "en") {
  // Keys come from the schema at runtime, so the translator is called untyped here.
  const t = createTranslator({ locale, messages: { auth: messages }, namespace: "auth" }) as unknown as (
    key: string,
    values: Record<string, number>,
  ) => string;
  const parsed = accountSettingsSchema.safeParse(input);
  return parsed.success
    ? { ok: true as const, data: parsed.data }
    : { ok: false as const, fieldErrors: fieldErrorsFrom(parsed.error, (key) => t(key, { max: DISPLAY_NAME_MAX })) };
}

describe("account settings validation", () => {
  it("accepts a name in any script and a supported language, tidying spaces", () => {
    expect(validate({ displayName: "  Zoé   Müller-Łukasz ", locale: "fr" })).toEqual({
      ok: true,
      data: { displayName: "Zoé Müller-Łukasz", locale: "fr" },
    });
    expect(validate({ displayName: "李小龍", locale: "en" })).toMatchObject({ ok: true, data: { displayName: "李小龍" } });
  });

  it("treats empty fields as 'not chosen'", () => {
    expect(validate({ displayName: "   ", locale: "" })).toEqual({ ok: true, data: { displayName: null, locale: null } });
  });

  it("explains a name that is too long, with the limit, in the person's language", () => {
    const long = "a".repeat(DISPLAY_NAME_MAX + 1);
    expect(validate({ displayName: long, locale: "" })).toEqual({
      ok: false,
      fieldErrors: { displayName: [`Use at most ${DISPLAY_NAME_MAX} characters.`] },
    });
    expect(validate({ displayName: long, locale: "" }, fr, "fr")).toEqual({
      ok: false,
      fieldErrors: { displayName: [`Utilisez au plus ${DISPLAY_NAME_MAX} caractères.`] },
    });
  });

  it("refuses markup and control characters in names, and unknown languages", () => {
    const result = validate({ displayName: "<script>x</script>", locale: "de" });
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.fieldErrors).toEqual({
      displayName: ["Use letters, numbers, spaces and simple punctuation only."],
      locale: ["Choose English or French."],
    });
    expect(validate({ displayName: "Bob\u0000", locale: "en" }).ok).toBe(false);
  });

  it("refuses a missing field rather than guessing", () => {
    expect(validate({ locale: "en" })).toEqual({
      ok: false,
      fieldErrors: { displayName: ["Use letters, numbers, spaces and simple punctuation only."] },
    });
  });
});
