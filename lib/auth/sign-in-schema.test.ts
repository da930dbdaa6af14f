import { describe, expect, it } from "vitest";
import en from "@/messages/en/auth.json";
import fr from "@/messages/fr/auth.json";
import { signInEmailSchema } from "./sign-in-schema";

const messageOf = (email: unknown) => {
  const parsed = signInEmailSchema.safeParse({ email });
  return parsed.success ? null : parsed.error.issues[0]?.message;
};

describe("signInEmailSchema", () => {
  it("normalises an address the way next-auth will store it", () => {
    expect(signInEmailSchema.parse({ email: "  Camille.Martin@Example.FR " })).toEqual({ email: "camille.martin@example.fr" });
  });

  it("says what is wrong, with a message that exists in both languages", () => {
    const cases: [unknown, string][] = [
      ["", "validation.emailRequired"],
      ["   ", "validation.emailRequired"],
      [undefined, "validation.emailRequired"],
      ["camille", "validation.emailInvalid"],
      ["camille@", "validation.emailInvalid"],
      ["camille@example", "validation.emailInvalid"],
      ["a b@example.fr", "validation.emailInvalid"],
      [`${"a".repeat(250)}@example.fr`, "validation.emailTooLong"],
    ];
    for (const [input, key] of cases) {
      expect(messageOf(input), String(input)).toBe(key);
      const [, name] = key.split(".") as [string, keyof typeof en.validation];
      expect(en.validation[name]).toBeTruthy();
      expect(fr.validation[name]).toBeTruthy();
    }
  });
});
