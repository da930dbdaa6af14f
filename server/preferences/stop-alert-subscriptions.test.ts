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
import { stopAlertSubscriptions, type StopAlertSubscriptionsInput } from "./stop-alert-subscriptions";

afterAll(async () => {
  await db().$disconnect();
});

const session = (userId: string | null): PreferenceActor => ({ via: "session", userId });

const stop = (actor: PreferenceActor, subscriptionIds: StopAlertSubscriptionsInput["subscriptionIds"], overrides: Partial<StopAlertSubscriptionsInput> = {}) =>
  stopAlertSubscriptions({ actor, subscriptionIds, source: "PREFERENCE_CENTER", locale: "en", requestId: randomUUID(), ...overrides });

const withdrawals = (userId: string) =>
  db().consentEvent.findMany({
    where: { subjectId: userId, action: "WITHDRAWN" },
    orderBy: { id: "asc" },
    select: { purpose: true, scope: true, detail: true, source: true, channel: true, textSha256: true },
  });

const remaining = (userId: string) => db().alertSubscription.findMany({ where: { userId }, orderBy: { level: "asc" }, select: { id: true, level: true } });

/** A member watching a product (Everything, e-mail on), a category (New threads) and a thread (Watching), and muting another product. */
async function subscribedMember() {
  const member = await createTestMember();
  const category = await createTestCategory();
  const [product, muted] = [await createTestProduct(category.id, "Watched"), await createTestProduct(category.id, "Muted")];
  const thread = await createTestThread({ productId: product.id, authorId: member.id });
  const set = (target: { type: "product" | "category" | "thread"; id: string }, change: Parameters<typeof setAlertSubscription>[0]["change"]) =>
    setAlertSubscription({ actor: session(member.id), target, change, source: "PRODUCT_PAGE", locale: "en", requestId: randomUUID() });
  await set({ type: "product", id: product.id }, { level: "EVERYTHING", email: true });
  await set({ type: "category", id: category.id }, { level: "NEW_THREADS" });
  await set({ type: "thread", id: thread.id }, { level: "EVERYTHING" });
  await set({ type: "product", id: muted.id }, { level: "MUTED" });
  const ids = async (column: "productId" | "categoryId" | "threadId", id: string) =>
    (await db().alertSubscription.findFirstOrThrow({ where: { userId: member.id, [column]: id }, select: { id: true } })).id;
  return {
    member,
    targets: { product: product.id, category: category.id, thread: thread.id, muted: muted.id },
    subscriptions: { product: await ids("productId", product.id), category: await ids("categoryId", category.id), thread: await ids("threadId", thread.id), muted: await ids("productId", muted.id) },
  };
}

const normal = "level=NORMAL inApp=on email=off";

describe("stopAlertSubscriptions", () => {
  it("stops the chosen subscriptions of the member only, one withdrawal each with the text shown; others' ids are ignored", async () => {
    const { member, targets, subscriptions } = await subscribedMember();
    const other = await subscribedMember();
    const before = (await withdrawals(member.id)).length;

    const result = await stop(session(member.id), [subscriptions.product, subscriptions.thread, other.subscriptions.category, subscriptions.muted]);
    expect(result).toEqual({ stopped: 2 });
    expect((await remaining(member.id)).map((row) => row.id).sort()).toEqual([subscriptions.category, subscriptions.muted].sort());
    expect(await remaining(other.member.id)).toHaveLength(4);
    expect(await withdrawals(other.member.id)).toHaveLength(1); // only its own muting

    const rows = (await withdrawals(member.id)).slice(before);
    const text = (purpose: "PRODUCT_ALERTS" | "THREAD_ALERTS") => sha256Hex(getConsentText(purpose, "WITHDRAWN", "en").body);
    expect(rows).toEqual(
      expect.arrayContaining([
        { purpose: "PRODUCT_ALERTS", scope: targets.product, detail: normal, source: "PREFERENCE_CENTER", channel: "WEB", textSha256: text("PRODUCT_ALERTS") },
        { purpose: "THREAD_ALERTS", scope: targets.thread, detail: normal, source: "PREFERENCE_CENTER", channel: "WEB", textSha256: text("THREAD_ALERTS") },
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it("the bulk stop ends every subscription above Normal, keeps Muted rows, and a repeat records nothing", async () => {
    const { member, targets } = await subscribedMember();
    const before = (await withdrawals(member.id)).length;
    expect(await stop(session(member.id), "all")).toEqual({ stopped: 3 });
    expect(await remaining(member.id)).toEqual([expect.objectContaining({ level: "MUTED" })]);
    const rows = (await withdrawals(member.id)).slice(before);
    expect(rows.map((row) => `${row.purpose} ${row.scope}`).sort()).toEqual(
      [`PRODUCT_ALERTS ${targets.product}`, `CATEGORY_ALERTS ${targets.category}`, `THREAD_ALERTS ${targets.thread}`].sort(),
    );
    expect(await stop(session(member.id), "all")).toEqual({ stopped: 0 });
    expect(await stop(session(member.id), [])).toEqual({ stopped: 0 });
    expect(await withdrawals(member.id)).toHaveLength(before + 3);
  });

  it("works from an e-mail link (ledgered as such) and for a member who is no longer one", async () => {
    const { member, subscriptions } = await subscribedMember();
    await stop({ via: "emailLink", userId: member.id }, [subscriptions.category]);
    expect((await withdrawals(member.id)).at(-1)).toMatchObject({ purpose: "CATEGORY_ALERTS", source: "EMAIL_PREFERENCE_LINK", channel: "EMAIL" });
    await db().user.update({ where: { id: member.id }, data: { isMember: false } });
    expect(await stop(session(member.id), "all")).toEqual({ stopped: 2 });
  });

  it("refuses signed-out people, more than 100 ids and outdated texts, writing nothing", async () => {
    const { member, subscriptions } = await subscribedMember();
    const before = await withdrawals(member.id);
    await expect(stop(session(null), "all")).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    const tooMany = Array.from({ length: 101 }, (_, index) => (index === 0 ? subscriptions.product : randomUUID()));
    await expect(stop(session(member.id), tooMany)).rejects.toSatisfy((error) => isAppError(error, "INVALID_INPUT") && error.details.field === "subscriptionIds");
    await expect(stop(session(member.id), "all", { textVersions: { PRODUCT_ALERTS: 999 } })).rejects.toSatisfy((error) => isAppError(error, "CONSENT_TEXT_OUTDATED"));
    expect(await remaining(member.id)).toHaveLength(4);
    expect(await withdrawals(member.id)).toEqual(before);
  });
});
