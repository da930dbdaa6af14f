import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "@/lib/action-result";
import { askSchema } from "./ask-schema";
import { BODY_MAX_LENGTH, TITLE_MAX_LENGTH } from "./post-limits";

const valid = { productSlug: "a-product", kind: "QUESTION", title: "A long enough title", body: "Some text", language: "fr" };
const errorsOf = (input: Record<string, unknown>) => {
  const parsed = askSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe("askSchema", () => {
  it("accepts a valid post and trims title and body", () => {
    expect(askSchema.parse({ ...valid, title: "  A long enough title  ", body: "\n Some text \n" })).toEqual(valid);
  });

  it("gives one message per problem: empty title says 'required', not also 'too short'", () => {
    expect(errorsOf({ ...valid, title: "   " })).toEqual({ title: ["write.errors.titleRequired"] });
    expect(errorsOf({ ...valid, title: "Too short" })).toEqual({ title: ["write.errors.titleTooShort"] });
    expect(errorsOf({ ...valid, title: "x".repeat(TITLE_MAX_LENGTH + 1) })).toEqual({ title: ["write.errors.titleTooLong"] });
  });

  it("refuses an empty or oversized body, a bad kind, a bad language and a missing product", () => {
    expect(errorsOf({ ...valid, body: " \n " })).toEqual({ body: ["write.errors.bodyRequired"] });
    expect(errorsOf({ ...valid, body: "x".repeat(BODY_MAX_LENGTH + 1) })).toEqual({ body: ["write.errors.bodyTooLong"] });
    expect(errorsOf({ ...valid, kind: "POLL" })).toEqual({ kind: ["write.errors.kindInvalid"] });
    expect(errorsOf({ ...valid, language: "de" })).toEqual({ language: ["write.errors.languageInvalid"] });
    expect(errorsOf({ ...valid, productSlug: undefined })).toEqual({ productSlug: ["write.errors.productUnknown"] });
  });
});

describe("askSchema and unstorable characters", () => {
  it("strips NUL and control characters from title and body instead of failing the write", () => {
    const parsed = askSchema.parse({
      productSlug: "kestrel-n4-1-tb-nvme-ssd",
      kind: "QUESTION",
      title: "A title\u0000 with a NUL",
      body: "java\u0000script and a bell\u0007",
      language: "en",
    });
    expect(parsed.title).toBe("A title with a NUL");
    expect(parsed.body).toBe("javascript and a bell");
  });
});
