import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { db } from "@/server/db/client";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { recordConsentEvent } from "@/server/membership/record-consent-event";
import { createThread } from "@/server/discussions/create-thread";
import { fanOutEvent } from "@/server/notifications/fan-out-event";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { EXPORTED_ALERT_ROWS, EXPORT_FORMAT_VERSION, exportMyData } from "./export-my-data";

async function createCustomer() {
  const token = uniqueToken();
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, `Sander ${token}`);
  const user = await db().user.create({
    data: {
      email: `export-${token}@example.test`,
      displayName: `Camille ${token}`,
      locale: "fr",
      purchases: {
        create: [
          { orderId: `OLD-${token}`, productId: product.id, quantity: 1, purchasedAt: new Date("2026-01-05T10:00:00Z") },
          { orderId: `NEW-${token}`, productId: product.id, quantity: 3, purchasedAt: new Date("2026-06-05T10:00:00Z") },
        ],
      },
      invitations: { create: { id: `invitation-${token}`, orderId: `NEW-${token}` } },
      sentEmails: { create: { messageId: `<${token}@shop.test>`, kind: "sign-in", subject: `Votre lien ${token}` } },
    },
    select: { id: true, email: true },
  });
  return { ...user, token, product };
}

/** Joins, turns the badge on, then leaves: five ledger rows in order. */
async function recordConsentStory(userId: string, requestId: string) {
  const base = { subjectId: userId, locale: "fr", channel: "WEB", requestId } as const;
  await db().$transaction(async (tx) => {
    await recordConsentEvent(tx, { ...base, purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", source: "JOIN_PAGE" });
    await recordConsentEvent(tx, { ...base, purpose: "OWNER_BADGE", action: "GRANTED", source: "JOIN_PAGE" });
  });
  await db().$transaction(async (tx) => {
    await recordConsentEvent(tx, { ...base, purpose: "OWNER_BADGE", action: "WITHDRAWN", source: "ACCOUNT_PAGE" });
    await recordConsentEvent(tx, { ...base, purpose: "COMMUNITY_MEMBERSHIP", action: "WITHDRAWN", source: "ACCOUNT_PAGE" });
  });
}

describe("exportMyData", () => {
  it("contains the profile, community state, purchases, invitations and e-mails sent, as plain JSON", async () => {
    const customer = await createCustomer();
    const now = new Date("2026-07-01T12:00:00Z");

    const exported = await exportMyData(customer.id, now);

    expect(exported).toMatchObject({
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: "2026-07-01T12:00:00.000Z",
      profile: { id: customer.id, email: customer.email, displayName: `Camille ${customer.token}`, locale: "fr", role: "MEMBER" },
      community: { isMember: false, memberSince: null, showsOwnerBadge: false, invitationsDeclined: false },
      purchases: [
        { orderId: `NEW-${customer.token}`, productSku: customer.product.sku, productName: customer.product.name, quantity: 3, purchasedAt: "2026-06-05T10:00:00.000Z" },
        { orderId: `OLD-${customer.token}`, productSku: customer.product.sku, productName: customer.product.name, quantity: 1, purchasedAt: "2026-01-05T10:00:00.000Z" },
      ],
      invitations: [{ orderId: `NEW-${customer.token}`, respondedAt: null }],
      emailsSent: [{ kind: "sign-in", subject: `Votre lien ${customer.token}`, messageId: `<${customer.token}@shop.test>` }],
      consentHistory: [],
    });
    // What the download route sends: it must survive JSON (no BigInt, no Date objects).
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });

  it("contains every consent row, newest first, with the exact text shown, its version and hash", async () => {
    const customer = await createCustomer();
    const requestId = `req-${randomUUID()}`;
    await recordConsentStory(customer.id, requestId);

    const exported = await exportMyData(customer.id);

    const expected = (
      [
        ["COMMUNITY_MEMBERSHIP", "WITHDRAWN", "ACCOUNT_PAGE"],
        ["OWNER_BADGE", "WITHDRAWN", "ACCOUNT_PAGE"],
        ["OWNER_BADGE", "GRANTED", "JOIN_PAGE"],
        ["COMMUNITY_MEMBERSHIP", "GRANTED", "JOIN_PAGE"],
      ] as const
    ).map(([purpose, action, source]) => {
      const text = getConsentText(purpose, action, "fr");
      return {
        id: expect.stringMatching(/^\d+$/),
        occurredAt: expect.any(String),
        purpose,
        action,
        scope: null,
        source,
        channel: "WEB",
        locale: "fr",
        textVersion: text.version,
        textSha256: sha256Hex(text.body),
        textShown: text.body,
        requestId,
        recordedOnYourBehalf: false,
        reason: null,
      };
    });
    expect(exported?.consentHistory).toEqual(expected);
  });

  it("holds only the requester's own data", async () => {
    const requester = await createCustomer();
    const other = await createCustomer();
    await recordConsentStory(other.id, `other-${randomUUID()}`);

    const exported = await exportMyData(requester.id);

    const serialized = JSON.stringify(exported);
    expect(serialized).not.toContain(other.token);
    expect(serialized).not.toContain(other.id);
    expect(exported?.consentHistory).toEqual([]);
  });

  it("says a moderator acted without naming them", async () => {
    const customer = await createCustomer();
    const moderator = await db().user.create({ data: { email: `moderator-${uniqueToken()}@example.test`, role: "MODERATOR" }, select: { id: true } });
    await db().$transaction((tx) =>
      recordConsentEvent(tx, {
        subjectId: customer.id,
        purpose: "COMMUNITY_MEMBERSHIP",
        action: "WITHDRAWN",
        locale: "en",
        source: "MODERATOR_ON_REQUEST",
        channel: "EMAIL",
        requestId: randomUUID(),
        actorId: moderator.id,
        reason: "Asked by e-mail to leave",
      }),
    );

    const exported = await exportMyData(customer.id);

    expect(exported?.consentHistory).toEqual([
      expect.objectContaining({ source: "MODERATOR_ON_REQUEST", recordedOnYourBehalf: true, reason: "Asked by e-mail to leave" }),
    ]);
    expect(JSON.stringify(exported)).not.toContain(moderator.id);
  });

  it("contains the member's notifications and e-mail deliveries, the most recent 1,000 of each, with the totals", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, `Router ${uniqueToken()}`);
    const [member, author] = [await createWriter(), await createWriter()];
    await setAlertSubscription({ actor: { via: "session", userId: member.id }, target: { type: "product", id: product.id }, change: { level: "NEW_THREADS", email: true }, source: "PRODUCT_PAGE", locale: "en", requestId: randomUUID() });
    const thread = await createThread({ actorId: author.id, productSlug: product.slug, kind: "QUESTION", title: `Export ${uniqueToken()}`, body: "Body", language: "en" });
    const event = await db().notificationEvent.findFirstOrThrow({ where: { postId: thread.postId }, select: { id: true } });
    await fanOutEvent(event.id);

    const exported = await exportMyData(member.id);
    expect(exported?.notifications).toEqual({
      total: 1,
      items: [{ createdAt: expect.any(String), readAt: null, event: "THREAD_CREATED", reason: "NEW_THREAD_PRODUCT", threadId: thread.threadId, postId: thread.postId }],
    });
    expect(exported?.emailDeliveries).toEqual({
      total: 1,
      items: [
        {
          createdAt: expect.any(String),
          event: "THREAD_CREATED",
          threadId: thread.threadId,
          postId: thread.postId,
          reason: "NEW_THREAD_PRODUCT",
          list: `product:${product.id}`,
          frequency: "IMMEDIATE",
          status: "PENDING",
          attempts: 0,
          dueAt: expect.any(String),
          sentAt: null,
          messageId: null,
          digestId: null,
        },
      ],
    });
    // Nothing about the author beyond the public thread and post ids.
    expect(JSON.stringify(exported)).not.toContain(author.id);

    // Bounded: 1,005 more notifications, the export keeps the newest 1,000 and says how many exist.
    const events = await db().notificationEvent.createManyAndReturn({
      data: Array.from({ length: EXPORTED_ALERT_ROWS + 5 }, () => ({ kind: "THREAD_CREATED" as const, threadId: thread.threadId, postId: thread.postId, productId: product.id, categoryId: category.id, actorId: author.id, fannedOutAt: new Date() })),
      select: { id: true },
    });
    await db().notification.createMany({
      data: events.map((created, index) => ({ userId: member.id, eventId: created.id, reason: "NEW_THREAD_PRODUCT" as const, threadId: thread.threadId, postId: thread.postId, createdAt: new Date(Date.UTC(2030, 0, 1) + index * 1000) })),
    });
    const bounded = await exportMyData(member.id);
    expect(bounded?.notifications.total).toBe(EXPORTED_ALERT_ROWS + 6);
    expect(bounded?.notifications.items).toHaveLength(EXPORTED_ALERT_ROWS);
    expect(bounded?.notifications.items[0]!.createdAt).toBe(new Date(Date.UTC(2030, 0, 1) + (EXPORTED_ALERT_ROWS + 4) * 1000).toISOString());
  });

  it("is null for an unknown account", async () => {
    expect(await exportMyData(`missing-${randomUUID()}`)).toBeNull();
  });
});
