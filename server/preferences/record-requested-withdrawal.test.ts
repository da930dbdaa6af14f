import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember } from "@/test/fixtures/discussion-threads";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { listConsentHistory } from "@/server/membership/list-consent-history";
import type { PreferenceActor } from "./preference-actor";
import { recordRequestedWithdrawal, type RecordRequestedWithdrawalInput, type RequestedWithdrawal } from "./record-requested-withdrawal";
import { setAlertSubscription } from "./set-alert-subscription";
import { setPersonalEventChannel } from "./set-personal-event-channel";

afterAll(async () => {
  await db().$disconnect();
});

const session = (userId: string): PreferenceActor => ({ via: "session", userId });

const record = (moderatorId: string | null, memberId: string, what: RequestedWithdrawal, overrides: Partial<RecordRequestedWithdrawalInput> = {}) =>
  recordRequestedWithdrawal({ moderatorId, memberId, what, reason: "Asked by e-mail on 3 March", requestId: randomUUID(), ...overrides });

/** A French-speaking member watching a product with e-mail, with e-mail on for mentions and replies. */
async function subscribedMember() {
  const member = await createTestMember();
  await db().user.update({ where: { id: member.id }, data: { locale: "fr" } });
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, "Requested");
  const common = { actor: session(member.id), source: "PREFERENCE_CENTER" as const, locale: "fr" as const };
  await setAlertSubscription({ ...common, target: { type: "product", id: product.id }, change: { level: "EVERYTHING", email: true }, requestId: randomUUID() });
  await setPersonalEventChannel({ ...common, event: "MENTION", channel: "email", on: true, requestId: randomUUID() });
  await setPersonalEventChannel({ ...common, event: "REPLY_TO_MY_POST", channel: "email", on: true, requestId: randomUUID() });
  const subscription = await db().alertSubscription.findFirstOrThrow({ where: { userId: member.id }, select: { id: true } });
  return { member, productId: product.id, subscriptionId: subscription.id };
}

const moderatorRows = (memberId: string) =>
  db().consentEvent.findMany({
    where: { subjectId: memberId, source: "MODERATOR_ON_REQUEST" },
    orderBy: { id: "asc" },
    select: { purpose: true, action: true, scope: true, detail: true, channel: true, actorId: true, reason: true, locale: true, textSha256: true },
  });

describe("recordRequestedWithdrawal", () => {
  it("a moderator records a requested stop with a reason: the row names the moderator and the reason, and the member sees it", async () => {
    const moderator = await createWriter({ role: "MODERATOR" });
    const { member, productId, subscriptionId } = await subscribedMember();
    await record(moderator.id, member.id, { kind: "subscription", subscriptionId }, { reason: "  Asked by e-mail on 3 March  " });

    expect(await db().alertSubscription.count({ where: { userId: member.id } })).toBe(0);
    expect(await moderatorRows(member.id)).toEqual([
      {
        purpose: "PRODUCT_ALERTS",
        action: "WITHDRAWN",
        scope: productId,
        detail: "level=NORMAL inApp=on email=off",
        channel: "WEB",
        actorId: moderator.id,
        reason: "Asked by e-mail on 3 March",
        locale: "fr",
        textSha256: sha256Hex(getConsentText("PRODUCT_ALERTS", "WITHDRAWN", "fr").body),
      },
    ]);
    const history = await listConsentHistory(member.id, 1);
    expect(history.items[0]).toMatchObject({ purpose: "PRODUCT_ALERTS", action: "WITHDRAWN", source: "MODERATOR_ON_REQUEST", recordedByOther: true, reason: "Asked by e-mail on 3 March" });
    // Audited like every moderator action, and the member is told in their bell.
    expect(await db().auditLogEntry.findMany({ where: { targetId: member.id, action: "member.recordWithdrawal" }, select: { actorId: true, reason: true } })).toEqual([
      { actorId: moderator.id, reason: "Asked by e-mail on 3 March" },
    ]);
    expect(await db().notification.findMany({ where: { userId: member.id }, select: { reason: true, notice: { select: { kind: true, reason: true } } } })).toEqual([
      { reason: "MODERATOR_MESSAGE", notice: { kind: "CONSENT_WITHDRAWAL_RECORDED", reason: "Asked by e-mail on 3 March" } },
    ]);
  });

  it("an admin records e-mail off for one personal event, then for everything; a repeat records nothing", async () => {
    const admin = await createWriter({ role: "ADMIN" });
    const { member } = await subscribedMember();
    await record(admin.id, member.id, { kind: "personalEmail", event: "MENTION" });
    expect((await moderatorRows(member.id)).map((row) => `${row.purpose} ${row.scope} ${row.detail}`)).toEqual(["PERSONAL_NOTIFICATIONS MENTION inApp=on email=off"]);
    await record(admin.id, member.id, { kind: "allEmail" });
    await record(admin.id, member.id, { kind: "allEmail" });
    await record(admin.id, member.id, { kind: "personalEmail", event: "MENTION" });
    const rows = await moderatorRows(member.id);
    expect(rows.map((row) => `${row.purpose} ${row.detail}`)).toEqual([
      "PERSONAL_NOTIFICATIONS inApp=on email=off",
      "PRODUCT_ALERTS level=EVERYTHING inApp=on email=off",
      "PERSONAL_NOTIFICATIONS inApp=on email=off",
    ]);
    expect(rows.every((row) => row.actorId === admin.id && row.action === "WITHDRAWN")).toBe(true);
    expect(await db().alertSubscription.findMany({ where: { userId: member.id }, select: { level: true, email: true } })).toEqual([{ level: "EVERYTHING", email: false }]);
    expect(await db().personalEventPreference.count({ where: { userId: member.id } })).toBe(0);
  });

  it("a member (even the subject), a deleted moderator or nobody cannot record it; nothing is written", async () => {
    const { member, subscriptionId } = await subscribedMember();
    const otherMember = await createWriter();
    const deletedModerator = await createWriter({ role: "MODERATOR", deleted: true });
    for (const actorId of [otherMember.id, member.id, deletedModerator.id]) {
      await expect(record(actorId, member.id, { kind: "subscription", subscriptionId })).rejects.toSatisfy(
        (error) => isAppError(error, "FORBIDDEN") && error.details.reason === "NOT_MODERATOR",
      );
    }
    await expect(record(null, member.id, { kind: "allEmail" })).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    expect(await db().alertSubscription.count({ where: { userId: member.id } })).toBe(1);
    expect(await moderatorRows(member.id)).toEqual([]);
  });

  it("needs a 3–500 character reason, a known member and the member's own subscription", async () => {
    const moderator = await createWriter({ role: "MODERATOR" });
    const { member, subscriptionId } = await subscribedMember();
    const other = await subscribedMember();
    const invalid = (field: string) => (error: unknown) => isAppError(error, "INVALID_INPUT") && error.details.field === field;
    await expect(record(moderator.id, member.id, { kind: "allEmail" }, { reason: "  ok " })).rejects.toSatisfy(invalid("reason"));
    await expect(record(moderator.id, member.id, { kind: "allEmail" }, { reason: "x".repeat(501) })).rejects.toSatisfy(invalid("reason"));
    await expect(record(moderator.id, member.id, { kind: "personalEmail", event: "SOMETHING" as never })).rejects.toSatisfy(invalid("what"));
    await expect(record(moderator.id, "no-such-member", { kind: "allEmail" })).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND"));
    await expect(record(moderator.id, member.id, { kind: "subscription", subscriptionId: other.subscriptionId })).rejects.toSatisfy(
      (error) => isAppError(error, "NOT_FOUND") && error.details.field === "subscriptionId",
    );
    expect(await db().alertSubscription.count({ where: { userId: { in: [member.id, other.member.id] } } })).toBe(2);
    expect(await moderatorRows(member.id)).toEqual([]);
    expect(await db().alertSubscription.count({ where: { id: subscriptionId } })).toBe(1);
  });

  it("offers a moderator no way to grant: every kind only withdraws, and a grant-like request is refused", async () => {
    const moderator = await createWriter({ role: "MODERATOR" });
    const member = await createTestMember();
    for (const what of [{ kind: "allEmail" }, { kind: "personalEmail", event: "MENTION" }] as const) await record(moderator.id, member.id, what);
    await expect(record(moderator.id, member.id, { kind: "subscribe", level: "EVERYTHING" } as never)).rejects.toSatisfy((error) => isAppError(error, "INVALID_INPUT"));
    // Nothing was on, so nothing was withdrawn, and nothing was granted either.
    expect(await db().consentEvent.count({ where: { subjectId: member.id } })).toBe(0);
    expect(await db().personalEventPreference.count({ where: { userId: member.id } })).toBe(0);
    // The preference functions act only on the actor's own row: a moderator's session changes the moderator's preferences.
    await setPersonalEventChannel({ actor: session(moderator.id), event: "MENTION", channel: "email", on: true, source: "PREFERENCE_CENTER", locale: "en", requestId: randomUUID() });
    expect(await db().consentEvent.count({ where: { subjectId: member.id } })).toBe(0);
  });
});
