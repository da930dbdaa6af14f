import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { DEFAULT_ALERT_STATE, type AlertTarget } from "@/lib/preferences/alert-vocabulary";
import { alertSubscriptionFormSchema } from "@/lib/preferences/preference-schemas";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember, createTestThread } from "@/test/fixtures/discussion-threads";
import { getAlertSubscription } from "./get-alert-subscription";
import { setAlertSubscription } from "./set-alert-subscription";

afterAll(async () => {
  await db().$disconnect();
});

async function targets() {
  const author = await createTestMember();
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, "Watched router");
  const thread = await createTestThread({ productId: product.id, authorId: author.id });
  return {
    product: { type: "product", id: product.id },
    category: { type: "category", id: category.id },
    thread: { type: "thread", id: thread.id },
  } satisfies Record<string, AlertTarget>;
}

/** What setAlertSubscriptionAction does with the Watch menu's input, minus the request context. */
async function watchFromPage(userId: string, input: unknown) {
  const { targetType, targetId, source, locale, textVersions, ...change } = alertSubscriptionFormSchema.parse(input);
  return setAlertSubscription({ actor: { via: "session", userId }, target: { type: targetType, id: targetId }, change, source, locale, requestId: randomUUID(), textVersions });
}

describe("getAlertSubscription", () => {
  it("is the default (Normal, in-app, no e-mail) for the signed out and for a member who chose nothing", async () => {
    const { product, thread } = await targets();
    const member = await createTestMember();
    expect(await getAlertSubscription(null, product)).toEqual(DEFAULT_ALERT_STATE);
    expect(await getAlertSubscription(member.id, product)).toEqual(DEFAULT_ALERT_STATE);
    expect(await getAlertSubscription(member.id, thread)).toEqual(DEFAULT_ALERT_STATE);
  });

  it("reads back each choice made from a page for that target only, never another member's", async () => {
    const { product, category, thread } = await targets();
    const member = await createTestMember();
    const other = await createTestMember();
    const texts = { GRANTED: 1, WITHDRAWN: 1 };
    await watchFromPage(member.id, { targetType: "product", targetId: product.id, level: "NEW_THREADS", source: "PRODUCT_PAGE", locale: "fr", textVersions: texts });
    await watchFromPage(member.id, { targetType: "product", targetId: product.id, email: true, source: "PRODUCT_PAGE", locale: "fr", textVersions: texts });
    await watchFromPage(member.id, { targetType: "category", targetId: category.id, level: "MUTED", source: "CATEGORY_PAGE", locale: "en", textVersions: texts });
    await watchFromPage(member.id, { targetType: "thread", targetId: thread.id, level: "EVERYTHING", source: "THREAD_PAGE", locale: "en", textVersions: texts });

    expect(await getAlertSubscription(member.id, product)).toEqual({ level: "NEW_THREADS", inApp: true, email: true });
    expect(await getAlertSubscription(member.id, category)).toEqual({ level: "MUTED", inApp: true, email: false });
    expect(await getAlertSubscription(member.id, thread)).toEqual({ level: "EVERYTHING", inApp: true, email: false });
    expect(await getAlertSubscription(other.id, product)).toEqual(DEFAULT_ALERT_STATE);

    // Watching from the product page is one grant with the French text's hash and the page as source.
    const productRows = await db().consentEvent.findMany({
      where: { subjectId: member.id, purpose: "PRODUCT_ALERTS" },
      orderBy: { id: "asc" },
      select: { action: true, source: true, locale: true, textSha256: true, detail: true },
    });
    const frenchGrant = sha256Hex(getConsentText("PRODUCT_ALERTS", "GRANTED", "fr").body);
    expect(productRows).toEqual([
      { action: "GRANTED", source: "PRODUCT_PAGE", locale: "fr", textSha256: frenchGrant, detail: "level=NEW_THREADS inApp=on email=off" },
      { action: "GRANTED", source: "PRODUCT_PAGE", locale: "fr", textSha256: frenchGrant, detail: "level=NEW_THREADS inApp=on email=on" },
    ]);
  });
});
