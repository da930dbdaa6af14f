import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { fieldErrorsFrom } from "@/lib/action-result";
import en from "@/messages/en/dataRights.json";
import fr from "@/messages/fr/dataRights.json";
import { deleteAccountSchema } from "./delete-account-schema";

// What the form and the action do with a submission: FormData values, the schema, then field
// errors in the person's language. An unticked box or unchosen radio is absent, so `null`.
function validate(input: { posts: unknown; confirm: unknown; locale?: unknown; shownWithdrawals?: unknown }, messages: typeof en = en, locale = "en") {
  const t = createTranslator({ locale, messages: { dataRights: messages }, namespace: "dataRights" }) as unknown as (key: string) => string;
  const parsed = deleteAccountSchema.safeParse({ locale: "en", shownWithdrawals: [], ...input });
  return parsed.success ? { ok: true as const, data: parsed.data } : { ok: false as const, fieldErrors: fieldErrorsFrom(parsed.error, t) };
}

describe("delete account validation", () => {
  it("requires a choice for the posts and the confirmation, saying so for each", () => {
    expect(validate({ posts: null, confirm: null })).toEqual({
      ok: false,
      fieldErrors: {
        posts: ["Choose what happens to your questions and answers."],
        confirm: ["Tick the box to confirm that you understand this cannot be undone."],
      },
    });
  });

  it("refuses a posts choice without the confirmation, and the confirmation without a choice", () => {
    const unconfirmed = validate({ posts: "remove", confirm: null });
    expect(unconfirmed.ok === false && Object.keys(unconfirmed.fieldErrors)).toEqual(["confirm"]);
    const withoutChoice = validate({ posts: null, confirm: "yes" });
    expect(withoutChoice.ok === false && Object.keys(withoutChoice.fieldErrors)).toEqual(["posts"]);
  });

  it("refuses values the form never offers", () => {
    const forged = validate({ posts: "archive", confirm: "on" });
    expect(forged.ok === false && Object.keys(forged.fieldErrors).sort()).toEqual(["confirm", "posts"]);
  });

  it("answers in French for a French page", () => {
    expect(validate({ posts: null, confirm: "yes" }, fr, "fr")).toEqual({
      ok: false,
      fieldErrors: { posts: ["Choisissez ce que deviennent vos questions et réponses."] },
    });
  });

  it("accepts a complete form and turns the shown withdrawal texts into versions per purpose", () => {
    expect(
      validate({ posts: "keep-as-deleted-member", confirm: "yes", locale: "fr", shownWithdrawals: ["OWNER_BADGE:1", "COMMUNITY_MEMBERSHIP:3"] }),
    ).toEqual({
      ok: true,
      data: { posts: "keep-as-deleted-member", confirm: "yes", locale: "fr", withdrawalTextVersions: { OWNER_BADGE: 1, COMMUNITY_MEMBERSHIP: 3 } },
    });
  });

  it("treats a malformed hidden field as a stale page, not as the person's mistake", () => {
    const stale = validate({ posts: "remove", confirm: "yes", locale: "de", shownWithdrawals: ["DIGEST:x"] });
    expect(stale).toEqual({ ok: false, fieldErrors: { locale: [en.validation.reload], shownWithdrawals: [en.validation.reload] } });
  });
});
