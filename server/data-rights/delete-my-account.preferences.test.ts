import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember, createTestThread } from "@/test/fixtures/discussion-threads";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { setPersonalEventChannel } from "@/server/preferences/set-personal-event-channel";
import { setEmailDelivery } from "@/server/preferences/set-email-delivery";
import { deleteMyAccount } from "./delete-my-account";
import { findHeldConsents } from "./find-held-consents";

afterAll(async () => {
  await db().$disconnect();
});

describe("account deletion and alert preferences", () => {
  it("lists held alert consents for the deletion form, withdraws them, and leaves no preference row behind", async () => {
    const member = await createTestMember();
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, "Deleted member's drill");
    const thread = await createTestThread({ productId: product.id, authorId: member.id });
    const actor = { via: "session", userId: member.id } as const;
    const base = { locale: "en", requestId: randomUUID() } as const;
    await setAlertSubscription({ ...base, actor, target: { type: "product", id: product.id }, change: { level: "EVERYTHING", email: true }, source: "PRODUCT_PAGE" });
    await setAlertSubscription({ ...base, actor, target: { type: "thread", id: thread.id }, change: { level: "MUTED" }, source: "THREAD_PAGE" });
    await setPersonalEventChannel({ ...base, actor, event: "MENTION", channel: "email", on: true, source: "PREFERENCE_CENTER" });
    await setEmailDelivery({ actor, frequency: "DAILY", digestHour: 7, digestWeekday: 1, timeZone: "Europe/Paris" });

    expect(await findHeldConsents(member.id)).toEqual(["PRODUCT_ALERTS", "PERSONAL_NOTIFICATIONS", "COMMUNITY_MEMBERSHIP"]);

    await deleteMyAccount(member.id, { requestId: randomUUID(), locale: "en", posts: "keep-as-deleted-member" });

    const withdrawn = await db().consentEvent.findMany({ where: { subjectId: member.id, source: "ACCOUNT_DELETION" }, select: { purpose: true, action: true } });
    expect(withdrawn.map((row) => row.purpose).sort()).toEqual(["COMMUNITY_MEMBERSHIP", "PERSONAL_NOTIFICATIONS", "PRODUCT_ALERTS"]);
    expect(withdrawn.every((row) => row.action === "WITHDRAWN")).toBe(true);
    expect(await db().alertSubscription.count({ where: { userId: member.id } })).toBe(0);
    expect(await db().personalEventPreference.count({ where: { userId: member.id } })).toBe(0);
    expect(await db().emailPreference.count({ where: { userId: member.id } })).toBe(0);
    expect(await findHeldConsents(member.id)).toEqual([]);
  });
});
