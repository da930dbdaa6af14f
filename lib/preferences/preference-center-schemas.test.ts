import { describe, expect, it } from "vitest";
import {
  emailDeliverySchema,
  linkLowerSubscriptionSchema,
  linkStopSubscriptionsSchema,
  personalChannelChangeSchema,
  stopSubscriptionsSchema,
} from "./preference-center-schemas";

describe("preference center schemas", () => {
  it("accepts what the page sends", () => {
    expect(personalChannelChangeSchema.safeParse({ event: "MENTION", channel: "email", on: true, locale: "fr", textVersions: { GRANTED: 1 } }).success).toBe(true);
    expect(emailDeliverySchema.safeParse({ frequency: "WEEKLY", digestHour: 0, digestWeekday: 7, timeZone: "Europe/Paris" }).success).toBe(true);
    expect(stopSubscriptionsSchema.safeParse({ subscriptionIds: "all", locale: "en", textVersions: {} }).success).toBe(true);
    expect(linkStopSubscriptionsSchema.safeParse({ token: "k.a.b", subscriptionIds: ["c1"], locale: "en", textVersions: { PRODUCT_ALERTS: 1 } }).success).toBe(true);
  });

  it("refuses tampered input with the reload message", () => {
    const refused = [
      personalChannelChangeSchema.safeParse({ event: "EVERYTHING", channel: "email", on: true, locale: "en", textVersions: {} }),
      personalChannelChangeSchema.safeParse({ event: "MENTION", channel: "sms", on: true, locale: "en", textVersions: {} }),
      personalChannelChangeSchema.safeParse({ event: "MENTION", channel: "email", on: "yes", locale: "en", textVersions: {} }),
      emailDeliverySchema.safeParse({ frequency: "HOURLY", digestHour: 8, digestWeekday: 1, timeZone: "UTC" }),
      emailDeliverySchema.safeParse({ frequency: "DAILY", digestHour: 24, digestWeekday: 1, timeZone: "UTC" }),
      emailDeliverySchema.safeParse({ frequency: "DAILY", digestHour: 8, digestWeekday: 0, timeZone: "UTC" }),
      stopSubscriptionsSchema.safeParse({ subscriptionIds: [], locale: "en", textVersions: {} }),
      stopSubscriptionsSchema.safeParse({ subscriptionIds: Array.from({ length: 101 }, (_, i) => `id${i}`), locale: "en", textVersions: {} }),
      // The e-mail link can only send e-mail: false, never true.
      linkLowerSubscriptionSchema.safeParse({ token: "t", targetType: "product", targetId: "p", email: true, locale: "en", textVersions: {} }),
      linkStopSubscriptionsSchema.safeParse({ subscriptionIds: "all", locale: "en", textVersions: {} }),
      linkStopSubscriptionsSchema.safeParse({ token: "x".repeat(1025), subscriptionIds: "all", locale: "en", textVersions: {} }),
    ];
    for (const result of refused) {
      expect(result.success).toBe(false);
      expect(result.error?.issues.every((issue) => issue.message === "errors.INVALID_INPUT")).toBe(true);
    }
  });
});
