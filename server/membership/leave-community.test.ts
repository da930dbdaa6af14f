import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { isAppError } from "@/server/errors/app-error";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { setPersonalEventChannel } from "@/server/preferences/set-personal-event-channel";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestThread } from "@/test/fixtures/discussion-threads";
import { joinCommunity } from "./join-community";
import { leaveCommunity, type LeaveCommunityInput } from "./leave-community";
import { withdrawAllConsents } from "./withdraw-all-consents";

const versions = {
  join: { community: getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", "en").version, ownerBadge: getConsentText("OWNER_BADGE", "GRANTED", "en").version },
  leave: { COMMUNITY_MEMBERSHIP: getConsentText("COMMUNITY_MEMBERSHIP", "WITHDRAWN", "en").version, OWNER_BADGE: getConsentText("OWNER_BADGE", "WITHDRAWN", "en").version },
};

async function createMember(ownerBadge: boolean) {
  const user = await db().user.create({ data: { email: `leave-${randomBytes(6).toString("hex")}@example.test` }, select: { id: true } });
  await joinCommunity({ userId: user.id, choices: { community: true, ownerBadge }, textVersions: versions.join, locale: "en", source: "JOIN_PAGE", channel: "WEB", requestId: randomUUID() });
  return user;
}

const leave = (userId: string, overrides: Partial<LeaveCommunityInput> = {}) =>
  leaveCommunity({ userId, textVersions: versions.leave, locale: "en", source: "ACCOUNT_PAGE", channel: "WEB", requestId: randomUUID(), ...overrides });

const ledgerOf = (userId: string) =>
  db().consentEvent.findMany({
    where: { subjectId: userId },
    orderBy: { id: "asc" },
    select: { purpose: true, action: true, source: true, requestId: true, textVersion: true, textSha256: true, locale: true },
  });

const stateOf = (userId: string) =>
  db().user.findUniqueOrThrow({ where: { id: userId }, select: { isMember: true, memberSince: true, showsOwnerBadge: true } });

const withdrawnRow = (purpose: "COMMUNITY_MEMBERSHIP" | "OWNER_BADGE", requestId: string, source = "ACCOUNT_PAGE") => {
  const text = getConsentText(purpose, "WITHDRAWN", "fr");
  return { purpose, action: "WITHDRAWN", source, requestId, textVersion: text.version, textSha256: sha256Hex(text.body), locale: "fr" };
};

afterAll(async () => {
  await db().$disconnect();
});

describe("leaveCommunity", () => {
  it("withdraws membership and the badge in one step: one WITHDRAWN row each, state cleared", async () => {
    const member = await createMember(true);
    const requestId = randomUUID();
    const withdrawn = await leave(member.id, { requestId, locale: "fr" });

    expect(withdrawn.map((w) => w.purpose)).toEqual(["OWNER_BADGE", "COMMUNITY_MEMBERSHIP"]);
    expect((await ledgerOf(member.id)).slice(2)).toEqual([withdrawnRow("OWNER_BADGE", requestId), withdrawnRow("COMMUNITY_MEMBERSHIP", requestId)]);
    expect(await stateOf(member.id)).toEqual({ isMember: false, memberSince: null, showsOwnerBadge: false });
  });

  it("writes only the membership withdrawal when the badge was never on", async () => {
    const member = await createMember(false);
    const requestId = randomUUID();
    await leave(member.id, { requestId, locale: "fr", source: "JOIN_PAGE" });
    expect((await ledgerOf(member.id)).slice(1)).toEqual([withdrawnRow("COMMUNITY_MEMBERSHIP", requestId, "JOIN_PAGE")]);
  });

  it("records nothing for someone who is not a member, or leaves twice", async () => {
    const member = await createMember(false);
    await Promise.all([leave(member.id), leave(member.id)]);
    await leave(member.id);
    expect((await ledgerOf(member.id)).map((row) => row.action)).toEqual(["GRANTED", "WITHDRAWN"]);
  });

  it("rejoining is a new explicit GRANTED row with a new member-since date", async () => {
    const member = await createMember(false);
    const firstSince = (await stateOf(member.id)).memberSince!;
    await leave(member.id);
    const requestId = randomUUID();
    await joinCommunity({ userId: member.id, choices: { community: true, ownerBadge: false }, textVersions: versions.join, locale: "en", source: "JOIN_PAGE", channel: "WEB", requestId });

    const ledger = await ledgerOf(member.id);
    expect(ledger.map((row) => `${row.purpose}:${row.action}`)).toEqual(["COMMUNITY_MEMBERSHIP:GRANTED", "COMMUNITY_MEMBERSHIP:WITHDRAWN", "COMMUNITY_MEMBERSHIP:GRANTED"]);
    expect(ledger[2]!.requestId).toBe(requestId);
    const state = await stateOf(member.id);
    expect(state.isMember).toBe(true);
    expect(state.memberSince!.getTime()).toBeGreaterThanOrEqual(firstSince.getTime());
  });

  it("withdraws every alert subscription and personal e-mail switch, one row each, and keeps Muted rows", async () => {
    const member = await createMember(false);
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, "Left behind");
    const thread = await createTestThread({ productId: product.id, authorId: member.id });
    const common = { actor: { via: "session", userId: member.id } as const, source: "PREFERENCE_CENTER" as const, locale: "en" as const };
    await setAlertSubscription({ ...common, target: { type: "product", id: product.id }, change: { level: "EVERYTHING", email: true }, requestId: randomUUID() });
    await setAlertSubscription({ ...common, target: { type: "thread", id: thread.id }, change: { level: "EVERYTHING" }, requestId: randomUUID() });
    await setAlertSubscription({ ...common, target: { type: "category", id: category.id }, change: { level: "MUTED" }, requestId: randomUUID() });
    await setPersonalEventChannel({ ...common, event: "MENTION", channel: "email", on: true, requestId: randomUUID() });
    await setPersonalEventChannel({ ...common, event: "REPLY_TO_MY_POST", channel: "inApp", on: false, requestId: randomUUID() });

    const requestId = randomUUID();
    const withdrawn = await leave(member.id, { requestId });
    // Alerts before membership; the two subscriptions come in the order the database deleted them.
    expect(withdrawn.map((w) => w.purpose).slice(2)).toEqual(["PERSONAL_NOTIFICATIONS", "COMMUNITY_MEMBERSHIP"]);
    expect(withdrawn.map((w) => w.purpose).slice(0, 2).sort()).toEqual(["PRODUCT_ALERTS", "THREAD_ALERTS"]);
    const rows = await db().consentEvent.findMany({ where: { requestId }, orderBy: { id: "asc" }, select: { purpose: true, action: true, scope: true, detail: true, source: true } });
    expect(rows).toHaveLength(4);
    expect(rows.at(-1)).toMatchObject({ purpose: "COMMUNITY_MEMBERSHIP", action: "WITHDRAWN" });
    expect(rows.slice(0, 3)).toEqual(
      expect.arrayContaining([
        { purpose: "PRODUCT_ALERTS", action: "WITHDRAWN", scope: product.id, detail: "level=NORMAL inApp=on email=off", source: "ACCOUNT_PAGE" },
        { purpose: "THREAD_ALERTS", action: "WITHDRAWN", scope: thread.id, detail: "level=NORMAL inApp=on email=off", source: "ACCOUNT_PAGE" },
        { purpose: "PERSONAL_NOTIFICATIONS", action: "WITHDRAWN", scope: "MENTION", detail: "inApp=on email=off", source: "ACCOUNT_PAGE" },
      ]),
    );
    expect(await db().alertSubscription.findMany({ where: { userId: member.id }, select: { categoryId: true, level: true } })).toEqual([{ categoryId: category.id, level: "MUTED" }]);
    expect(await db().personalEventPreference.findMany({ where: { userId: member.id }, select: { event: true, inApp: true, email: true } })).toEqual([
      { event: "REPLY_TO_MY_POST", inApp: false, email: false },
    ]);
  });

  it("a subscription chosen while leaving is either withdrawn with the rest or refused", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const member = await createMember(false);
      const category = await createTestCategory();
      const watch = setAlertSubscription({
        actor: { via: "session", userId: member.id },
        target: { type: "category", id: category.id },
        change: { level: "EVERYTHING" },
        source: "CATEGORY_PAGE",
        locale: "en",
        requestId: randomUUID(),
      }).catch((error: unknown) => (isAppError(error, "MEMBERSHIP_REQUIRED") ? "refused" : Promise.reject(error)));
      await Promise.all([watch, leave(member.id)]);
      expect(await db().alertSubscription.count({ where: { userId: member.id } })).toBe(0);
      const actions = (await ledgerOf(member.id)).filter((row) => row.purpose === "CATEGORY_ALERTS").map((row) => row.action);
      expect([[], ["GRANTED", "WITHDRAWN"]]).toContainEqual(actions);
    }
  });

  it("refuses an outdated withdrawal text and leaves everything as it was", async () => {
    const member = await createMember(true);
    const attempt = leave(member.id, { textVersions: { ...versions.leave, COMMUNITY_MEMBERSHIP: versions.leave.COMMUNITY_MEMBERSHIP + 1 } });
    await expect(attempt).rejects.toSatisfy((error) => isAppError(error, "CONSENT_TEXT_OUTDATED"));
    expect(await stateOf(member.id)).toMatchObject({ isMember: true, showsOwnerBadge: true });
    expect(await ledgerOf(member.id)).toHaveLength(2);
  });
});

describe("withdrawAllConsents", () => {
  it("works inside a caller's transaction with another source (account deletion) and a moderator", async () => {
    const member = await createMember(true);
    const moderator = await db().user.create({ data: { email: `mod-${randomBytes(6).toString("hex")}@example.test` }, select: { id: true } });
    const requestId = randomUUID();
    await db().$transaction((tx) =>
      withdrawAllConsents(tx, member.id, { source: "MODERATOR_ON_REQUEST", channel: "EMAIL", requestId, locale: "en", actorId: moderator.id, reason: "Member asked by e-mail" }),
    );
    const rows = await db().consentEvent.findMany({
      where: { subjectId: member.id, action: "WITHDRAWN" },
      orderBy: { id: "asc" },
      select: { purpose: true, source: true, channel: true, actorId: true, reason: true },
    });
    expect(rows).toEqual([
      { purpose: "OWNER_BADGE", source: "MODERATOR_ON_REQUEST", channel: "EMAIL", actorId: moderator.id, reason: "Member asked by e-mail" },
      { purpose: "COMMUNITY_MEMBERSHIP", source: "MODERATOR_ON_REQUEST", channel: "EMAIL", actorId: moderator.id, reason: "Member asked by e-mail" },
    ]);
  });

  it("rolls back with the caller's transaction", async () => {
    const member = await createMember(true);
    const attempt = db().$transaction(async (tx) => {
      await withdrawAllConsents(tx, member.id, { source: "ACCOUNT_DELETION", channel: "WEB", requestId: randomUUID(), locale: "en" });
      throw new Error("the rest of the deletion failed");
    });
    await expect(attempt).rejects.toThrow("the rest of the deletion failed");
    expect(await stateOf(member.id)).toMatchObject({ isMember: true, showsOwnerBadge: true });
    expect(await ledgerOf(member.id)).toHaveLength(2);
  });
});
