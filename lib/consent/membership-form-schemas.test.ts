import { describe, expect, it } from "vitest";
import { joinChoicesSchema, leaveCommunitySchema, ownerBadgeChoiceSchema } from "./membership-form-schemas";

const join = (fields: Record<string, string | null>) =>
  joinChoicesSchema.safeParse({ community: null, ownerBadge: null, communityTextVersion: "1", ownerBadgeTextVersion: "1", locale: "en", from: null, ...fields });

describe("joinChoicesSchema", () => {
  it("reads unticked boxes (absent from the form) as false: a decline", () => {
    expect(join({}).data).toMatchObject({ community: false, ownerBadge: false, communityTextVersion: 1, locale: "en" });
  });

  it("reads ticked boxes as true", () => {
    expect(join({ community: "yes", ownerBadge: "yes", from: "invitation" }).data).toMatchObject({ community: true, ownerBadge: true, from: "invitation" });
  });

  it("refuses the badge without membership, on the badge field", () => {
    const result = join({ ownerBadge: "yes" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["ownerBadge", "validation.badgeNeedsMembership"]]);
  });

  it.each([
    ["a forged checkbox value", { community: "true" }],
    ["a missing text version", { communityTextVersion: null }],
    ["a malformed text version", { ownerBadgeTextVersion: "1.5" }],
    ["an unsupported locale", { locale: "de" }],
    ["an unknown origin", { from: "email" }],
  ])("asks to reload on %s", (_label, fields) => {
    const result = join(fields);
    expect(result.success).toBe(false);
    expect(result.error!.issues.every((issue) => issue.message === "validation.reload")).toBe(true);
  });
});

describe("ownerBadgeChoiceSchema and leaveCommunitySchema", () => {
  it("parses a badge change", () => {
    expect(ownerBadgeChoiceSchema.parse({ show: "off", textVersion: "2", locale: "fr", source: "ACCOUNT_PAGE" })).toEqual({ show: false, textVersion: 2, locale: "fr", source: "ACCOUNT_PAGE" });
    expect(ownerBadgeChoiceSchema.safeParse({ show: "yes", textVersion: "2", locale: "fr", source: "ACCOUNT_PAGE" }).success).toBe(false);
  });

  it("parses a leave request with or without the badge text", () => {
    expect(leaveCommunitySchema.parse({ membershipTextVersion: "1", ownerBadgeTextVersion: null, locale: "en", source: "JOIN_PAGE" })).toEqual({ membershipTextVersion: 1, ownerBadgeTextVersion: null, locale: "en", source: "JOIN_PAGE" });
    expect(leaveCommunitySchema.parse({ membershipTextVersion: "1", ownerBadgeTextVersion: "1", locale: "en", source: "ACCOUNT_PAGE" }).ownerBadgeTextVersion).toBe(1);
    expect(leaveCommunitySchema.safeParse({ membershipTextVersion: "1", locale: "en", source: "INVITATION_PAGE" }).success).toBe(false);
  });
});
