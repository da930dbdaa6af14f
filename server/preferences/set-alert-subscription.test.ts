import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember, createTestThread } from "@/test/fixtures/discussion-threads";
import type { AlertTarget } from "@/lib/preferences/alert-vocabulary";
import type { PreferenceActor } from "./preference-actor";
import { setAlertSubscription, type AlertSubscriptionChange } from "./set-alert-subscription";

afterAll(async () => {
  await db().$disconnect();
});

async function productTarget(): Promise<AlertTarget> {
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, "Watched SSD");
  return { type: "product", id: product.id };
}

const set = (actor: PreferenceActor, target: AlertTarget, change: AlertSubscriptionChange) =>
  setAlertSubscription({ actor, target, change, source: "PRODUCT_PAGE", locale: "en", requestId: randomUUID() });

const session = (userId: string | null): PreferenceActor => ({ via: "session", userId });

const ledger = (userId: string) =>
  db().consentEvent.findMany({
    where: { subjectId: userId },
    orderBy: { id: "asc" },
    select: { purpose: true, action: true, scope: true, detail: true, source: true, channel: true, textSha256: true },
  });

const subscriptions = (userId: string) =>
  db().alertSubscription.findMany({ where: { userId }, select: { productId: true, threadId: true, level: true, inApp: true, email: true, source: true } });

describe("setAlertSubscription", () => {
  it("watching a product from its page is one grant with the text shown; stopping is one withdrawal and removes the row", async () => {
    const member = await createTestMember();
    const target = await productTarget();
    const watched = await set(session(member.id), target, { level: "NEW_THREADS" });
    expect(watched).toEqual({ level: "NEW_THREADS", inApp: true, email: false, changed: true });
    expect(await subscriptions(member.id)).toEqual([{ productId: target.id, threadId: null, level: "NEW_THREADS", inApp: true, email: false, source: "PRODUCT_PAGE" }]);

    expect((await set(session(member.id), target, { level: "NEW_THREADS" })).changed).toBe(false);
    await set(session(member.id), target, { level: "NORMAL" });
    expect(await subscriptions(member.id)).toEqual([]);

    expect(await ledger(member.id)).toEqual([
      {
        purpose: "PRODUCT_ALERTS",
        action: "GRANTED",
        scope: target.id,
        detail: "level=NEW_THREADS inApp=on email=off",
        source: "PRODUCT_PAGE",
        channel: "WEB",
        textSha256: sha256Hex(getConsentText("PRODUCT_ALERTS", "GRANTED", "en").body),
      },
      {
        purpose: "PRODUCT_ALERTS",
        action: "WITHDRAWN",
        scope: target.id,
        detail: "level=NORMAL inApp=on email=off",
        source: "PRODUCT_PAGE",
        channel: "WEB",
        textSha256: sha256Hex(getConsentText("PRODUCT_ALERTS", "WITHDRAWN", "en").body),
      },
    ]);
  });

  it("turning e-mail on is a grant and off a withdrawal; e-mail below New threads is refused", async () => {
    const member = await createTestMember();
    const target = await productTarget();
    await expect(set(session(member.id), target, { email: true })).rejects.toSatisfy((error) => isAppError(error, "INVALID_INPUT"));
    await set(session(member.id), target, { level: "EVERYTHING" });
    await set(session(member.id), target, { email: true });
    await set(session(member.id), target, { email: false });
    expect((await ledger(member.id)).map((row) => `${row.action} ${row.detail}`)).toEqual([
      "GRANTED level=EVERYTHING inApp=on email=off",
      "GRANTED level=EVERYTHING inApp=on email=on",
      "WITHDRAWN level=EVERYTHING inApp=on email=off",
    ]);
  });

  it("a change that lowers one thing and raises another writes both rows", async () => {
    const member = await createTestMember();
    const target = await productTarget();
    await set(session(member.id), target, { level: "EVERYTHING" });
    await set(session(member.id), target, { level: "NEW_THREADS", email: true });
    expect((await ledger(member.id)).map((row) => row.action)).toEqual(["GRANTED", "WITHDRAWN", "GRANTED"]);
  });

  it("muting is a withdrawal and keeps a Muted row; threads offer no New threads level", async () => {
    const member = await createTestMember();
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, "Thread product");
    const thread = await createTestThread({ productId: product.id, authorId: member.id });
    const target: AlertTarget = { type: "thread", id: thread.id };
    await expect(set(session(member.id), target, { level: "NEW_THREADS" })).rejects.toSatisfy((error) => isAppError(error, "INVALID_INPUT"));
    await set(session(member.id), target, { level: "MUTED" });
    expect(await subscriptions(member.id)).toEqual([{ productId: null, threadId: thread.id, level: "MUTED", inApp: true, email: false, source: "PRODUCT_PAGE" }]);
    expect((await ledger(member.id)).map((row) => `${row.purpose} ${row.action}`)).toEqual(["THREAD_ALERTS WITHDRAWN"]);
  });

  it("an e-mail link lowers (ledgered as such) but never raises", async () => {
    const member = await createTestMember();
    const target = await productTarget();
    await set(session(member.id), target, { level: "EVERYTHING", email: true });
    const link: PreferenceActor = { via: "emailLink", userId: member.id };
    await expect(set(link, target, { level: "EVERYTHING", email: true, inApp: true })).resolves.toMatchObject({ changed: false });
    await set(link, target, { email: false });
    await expect(set(link, target, { email: true })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN") && error.details?.reason === "RAISE_NEEDS_SIGN_IN");
    const last = (await ledger(member.id)).at(-1);
    expect(last).toMatchObject({ action: "WITHDRAWN", source: "EMAIL_PREFERENCE_LINK", channel: "EMAIL", detail: "level=EVERYTHING inApp=on email=off" });
    expect(await ledger(member.id)).toHaveLength(2);
  });

  it("signed-out and non-member people cannot subscribe; nothing is written", async () => {
    const target = await productTarget();
    await expect(set(session(null), target, { level: "EVERYTHING" })).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    const outsider = await db().user.create({ data: { email: `outsider-${randomUUID()}@example.test` }, select: { id: true } });
    await expect(set(session(outsider.id), target, { level: "EVERYTHING" })).rejects.toSatisfy((error) => isAppError(error, "MEMBERSHIP_REQUIRED"));
    expect(await subscriptions(outsider.id)).toEqual([]);
    expect(await ledger(outsider.id)).toEqual([]);
  });

  it("refuses unknown targets and outdated texts without writing anything", async () => {
    const member = await createTestMember();
    await expect(set(session(member.id), { type: "category", id: "no-such-category" }, { level: "EVERYTHING" })).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND"));
    const target = await productTarget();
    await expect(
      setAlertSubscription({ actor: session(member.id), target, change: { level: "EVERYTHING" }, source: "PRODUCT_PAGE", locale: "fr", requestId: randomUUID(), textVersions: { GRANTED: 999 } }),
    ).rejects.toSatisfy((error) => isAppError(error, "CONSENT_TEXT_OUTDATED"));
    expect(await subscriptions(member.id)).toEqual([]);
    expect(await ledger(member.id)).toEqual([]);
  });

  it("concurrent changes by one member leave one row and a ledger that replays to it", async () => {
    const member = await createTestMember();
    const target = await productTarget();
    const changes: AlertSubscriptionChange[] = Array.from({ length: 12 }, (_, index) => ({ level: index % 2 === 0 ? "EVERYTHING" : "NORMAL" }));
    await Promise.all(changes.map((change) => set(session(member.id), target, change)));
    const rows = await subscriptions(member.id);
    const events = await ledger(member.id);
    // Grants and withdrawals alternate, starting with a grant; the last one says the final state.
    events.forEach((event, index) => expect(event.action).toBe(index % 2 === 0 ? "GRANTED" : "WITHDRAWN"));
    expect(rows.length).toBe(events.at(-1)?.action === "GRANTED" ? 1 : 0);
  });
});
