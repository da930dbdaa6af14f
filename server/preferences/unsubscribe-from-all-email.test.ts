import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember, createTestThread } from "@/test/fixtures/discussion-threads";
import type { PreferenceActor } from "./preference-actor";
import { setAlertSubscription } from "./set-alert-subscription";
import { setPersonalEventChannel } from "./set-personal-event-channel";
import { unsubscribeFromAllEmail } from "./unsubscribe-from-all-email";

afterAll(async () => {
  await db().$disconnect();
});

const session = (userId: string | null): PreferenceActor => ({ via: "session", userId });

const unsubscribe = (actor: PreferenceActor, requestId = randomUUID()) => unsubscribeFromAllEmail({ actor, source: "PREFERENCE_CENTER", locale: "fr", requestId });

/** A member with e-mail on for a product (Everything) and a thread (Watching), in-app only on a category, and two personal events by e-mail (one with in-app off). */
async function emailedMember() {
  const member = await createTestMember();
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, "Mailed");
  const thread = await createTestThread({ productId: product.id, authorId: member.id });
  const actor = session(member.id);
  const common = { actor, source: "PREFERENCE_CENTER" as const, locale: "en" as const };
  await setAlertSubscription({ ...common, target: { type: "product", id: product.id }, change: { level: "EVERYTHING", email: true }, requestId: randomUUID() });
  await setAlertSubscription({ ...common, target: { type: "thread", id: thread.id }, change: { level: "EVERYTHING", email: true, inApp: false }, requestId: randomUUID() });
  await setAlertSubscription({ ...common, target: { type: "category", id: category.id }, change: { level: "NEW_THREADS" }, requestId: randomUUID() });
  await setPersonalEventChannel({ ...common, event: "MENTION", channel: "email", on: true, requestId: randomUUID() });
  await setPersonalEventChannel({ ...common, event: "ANSWER_ACCEPTED", channel: "email", on: true, requestId: randomUUID() });
  await setPersonalEventChannel({ ...common, event: "ANSWER_ACCEPTED", channel: "inApp", on: false, requestId: randomUUID() });
  return { member, targets: { product: product.id, thread: thread.id, category: category.id } };
}

const subscriptions = (userId: string) =>
  db().alertSubscription.findMany({ where: { userId }, orderBy: [{ level: "asc" }, { id: "asc" }], select: { productId: true, categoryId: true, threadId: true, level: true, inApp: true, email: true } });
const personal = (userId: string) => db().personalEventPreference.findMany({ where: { userId }, orderBy: { event: "asc" }, select: { event: true, inApp: true, email: true } });

describe("unsubscribeFromAllEmail", () => {
  it("turns e-mail off everywhere with one withdrawal per thing turned off, leaving levels and in-app untouched", async () => {
    const { member, targets } = await emailedMember();
    const before = await subscriptions(member.id);
    const requestId = randomUUID();
    expect(await unsubscribe(session(member.id), requestId)).toEqual({ withdrawn: 4 });

    expect(await subscriptions(member.id)).toEqual(before.map((row) => ({ ...row, email: false })));
    expect(before.map((row) => `${row.level} ${row.inApp}`).sort()).toEqual(["EVERYTHING false", "EVERYTHING true", "NEW_THREADS true"]);
    // MENTION is back to the defaults (no row); ANSWER_ACCEPTED keeps in-app off.
    expect(await personal(member.id)).toEqual([{ event: "ANSWER_ACCEPTED", inApp: false, email: false }]);

    const rows = await db().consentEvent.findMany({ where: { requestId }, select: { purpose: true, action: true, scope: true, detail: true, source: true, channel: true, textSha256: true, locale: true } });
    const text = (purpose: "PRODUCT_ALERTS" | "THREAD_ALERTS" | "PERSONAL_NOTIFICATIONS") => sha256Hex(getConsentText(purpose, "WITHDRAWN", "fr").body);
    const row = (purpose: "PRODUCT_ALERTS" | "THREAD_ALERTS" | "PERSONAL_NOTIFICATIONS", scope: string, detail: string) => ({
      purpose,
      action: "WITHDRAWN",
      scope,
      detail,
      source: "PREFERENCE_CENTER",
      channel: "WEB",
      textSha256: text(purpose),
      locale: "fr",
    });
    expect(rows).toHaveLength(4);
    expect(rows).toEqual(
      expect.arrayContaining([
        row("PRODUCT_ALERTS", targets.product, "level=EVERYTHING inApp=on email=off"),
        row("THREAD_ALERTS", targets.thread, "level=EVERYTHING inApp=off email=off"),
        row("PERSONAL_NOTIFICATIONS", "MENTION", "inApp=on email=off"),
        row("PERSONAL_NOTIFICATIONS", "ANSWER_ACCEPTED", "inApp=off email=off"),
      ]),
    );
  });

  it("works from an e-mail link (ledgered as such), records nothing the second time, and touches no one else", async () => {
    const { member } = await emailedMember();
    const other = await emailedMember();
    const requestId = randomUUID();
    expect(await unsubscribe({ via: "emailLink", userId: member.id }, requestId)).toEqual({ withdrawn: 4 });
    const rows = await db().consentEvent.findMany({ where: { requestId }, select: { source: true, channel: true, subjectId: true } });
    expect(rows.every((row) => row.source === "EMAIL_PREFERENCE_LINK" && row.channel === "EMAIL" && row.subjectId === member.id)).toBe(true);
    expect(await unsubscribe(session(member.id))).toEqual({ withdrawn: 0 });
    expect((await subscriptions(other.member.id)).filter((row) => row.email)).toHaveLength(2);
    expect((await personal(other.member.id)).filter((row) => row.email)).toHaveLength(2);
  });

  it("a non-member may unsubscribe; signed-out people are refused", async () => {
    const { member } = await emailedMember();
    await db().user.update({ where: { id: member.id }, data: { isMember: false } });
    expect(await unsubscribe(session(member.id))).toEqual({ withdrawn: 4 });
    await expect(unsubscribe(session(null))).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
  });
});
