import { describe, expect, it } from "vitest";
import { alertSubscriptionFormSchema, TARGET_ID_MAX_LENGTH } from "./preference-schemas";

const valid = {
  targetType: "product",
  targetId: "clx0product0000000000000a",
  level: "NEW_THREADS",
  source: "PRODUCT_PAGE",
  locale: "en",
  textVersions: { GRANTED: 1, WITHDRAWN: 1 },
};

const issueOf = (input: unknown) => {
  const parsed = alertSubscriptionFormSchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues[0]?.message;
};

describe("alertSubscriptionFormSchema", () => {
  it("accepts a level, a channel, or both, from each page and the preference center", () => {
    expect(alertSubscriptionFormSchema.parse(valid)).toEqual(valid);
    expect(issueOf({ ...valid, level: undefined, email: true })).toBeNull();
    expect(issueOf({ ...valid, level: "EVERYTHING", inApp: false, email: true, source: "PREFERENCE_CENTER" })).toBeNull();
    expect(issueOf({ ...valid, targetType: "thread", level: "MUTED", source: "THREAD_PAGE", textVersions: {} })).toBeNull();
    expect(issueOf({ ...valid, targetType: "category", source: "CATEGORY_PAGE" })).toBeNull();
  });

  it("refuses a change that changes nothing, or a level the target does not offer", () => {
    expect(issueOf({ ...valid, level: undefined })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, targetType: "thread", level: "NEW_THREADS" })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, level: "LOUD" })).toBe("errors.INVALID_INPUT");
  });

  it("refuses tampered fields: unknown keys, long or empty ids, other sources, odd text versions, strings for booleans", () => {
    expect(issueOf({ ...valid, userId: "someone-else" })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, targetId: "" })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, targetId: "x".repeat(TARGET_ID_MAX_LENGTH + 1) })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, source: "EMAIL_PREFERENCE_LINK" })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, source: "MODERATOR_ON_REQUEST" })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, locale: "de" })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, textVersions: { GRANTED: 1.5 } })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, textVersions: { GRANTED: 0 } })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, textVersions: { OTHER: 1 } })).toBe("errors.INVALID_INPUT");
    expect(issueOf({ ...valid, email: "yes" })).toBe("errors.INVALID_INPUT");
    expect(issueOf(null)).toBe("errors.INVALID_INPUT");
  });
});
