import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, OPTIONS, POST, PUT } from "@/app/api/webhooks/purchases/route";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { verifyToken } from "@/server/tokens/verify-token";
import { signShopPayload } from "@/server/webhooks/verify-shop-signature";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";

const URL = "http://localhost/api/webhooks/purchases";
const unique = () => randomBytes(5).toString("hex");
const nowSeconds = () => Math.floor(Date.now() / 1000);

type OrderBody = {
  orderId: string;
  purchasedAt: string;
  customer: { email: string; name?: string | null; locale?: string | null };
  items: { sku: string; quantity: number }[];
};

function signedRequest(body: string, { secret = env().SHOP_WEBHOOK_SECRET, timestamp = nowSeconds(), headers = {} as Record<string, string> } = {}): Request {
  return new Request(URL, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Entraide-Timestamp": String(timestamp),
      "X-Entraide-Signature": signShopPayload(body, secret, timestamp),
      ...headers,
    },
  });
}

const post = (order: unknown, options?: Parameters<typeof signedRequest>[1]) => POST(signedRequest(JSON.stringify(order), options));

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as { type: string; title: string; status: number; detail?: string; errors?: { pointer: string; detail: string }[] };
  expect(problem.status).toBe(response.status);
  return problem;
}

// Every customer address these tests send, checked at the end for any trace of consent or mail.
const customerEmails = new Set<string>();
let skus: [string, string];

function newOrder(overrides: Partial<OrderBody> = {}): OrderBody {
  const email = `buyer-${unique()}@example.test`;
  const order: OrderBody = {
    orderId: `ORD-${unique()}`,
    purchasedAt: "2026-03-01T14:30:00Z",
    customer: { email, name: "Camille Martin", locale: "fr-FR" },
    items: [
      { sku: skus[0], quantity: 1 },
      { sku: skus[1], quantity: 2 },
    ],
    ...overrides,
  };
  customerEmails.add(order.customer.email.trim().toLowerCase());
  return order;
}

async function rowCounts(orderId: string, email: string) {
  const [users, purchases, shopOrders, invitations] = await Promise.all([
    db().user.count({ where: { email } }),
    db().purchase.count({ where: { orderId } }),
    db().shopOrder.count({ where: { orderId } }),
    db().invitation.count({ where: { user: { email } } }),
  ]);
  return { users, purchases, shopOrders, invitations };
}

beforeAll(async () => {
  const category = await createTestCategory();
  const [first, second] = await Promise.all([
    createTestProduct(category.id, `Kestrel SSD ${unique()}`),
    createTestProduct(category.id, `Wired Mouse ${unique()}`),
  ]);
  skus = [first.sku, second.sku];
});

afterAll(async () => {
  // The core promise, over every customer these tests created: a purchase enrols no one,
  // records no consent and sends no e-mail.
  const emails = [...customerEmails];
  const users = await db().user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  const userIds = users.map((user) => user.id);
  expect(userIds.length).toBeGreaterThan(5);
  const memberIds = [...memberUserIds];
  expect(await db().consentEvent.count({ where: { subjectId: { in: userIds } } })).toBe(0);
  expect(await db().user.count({ where: { id: { in: userIds, notIn: memberIds }, OR: [{ isMember: true }, { showsOwnerBadge: true }, { memberSince: { not: null } }] } })).toBe(0);
  expect(await db().sentEmail.count({ where: { userId: { in: userIds } } })).toBe(0);
  expect(await db().devMail.count({ where: { OR: emails.map((email) => ({ to: { contains: email, mode: "insensitive" as const } })) } })).toBe(0);
  await db().$disconnect();
});

const memberUserIds = new Set<string>();

describe("POST /api/webhooks/purchases: recording an order", () => {
  it("answers 201 with the count and a signed invitation URL, creating the customer and purchases only", async () => {
    const order = newOrder();
    const response = await post(order);
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { orderId: string; purchases: number; invitationUrl: string };
    expect(Object.keys(body)).toEqual(["orderId", "purchases", "invitationUrl"]);
    expect(body).toMatchObject({ orderId: order.orderId, purchases: 2 });

    // The URL names no one: only a token over the invitation's random id.
    const prefix = `${env().APP_URL}/invitation/`;
    expect(body.invitationUrl.startsWith(prefix)).toBe(true);
    expect(body.invitationUrl).not.toContain(order.customer.email.split("@")[0]);
    const invitationId = verifyToken("invitation", body.invitationUrl.slice(prefix.length));
    expect(invitationId).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const user = await db().user.findUniqueOrThrow({
      where: { email: order.customer.email },
      select: { id: true, displayName: true, locale: true, isMember: true, memberSince: true, showsOwnerBadge: true, invitationsDeclined: true, emailVerified: true },
    });
    expect(user).toMatchObject({ displayName: "Camille Martin", locale: "fr", isMember: false, memberSince: null, showsOwnerBadge: false, invitationsDeclined: false, emailVerified: null });
    const purchases = await db().purchase.findMany({
      where: { orderId: order.orderId },
      select: { userId: true, quantity: true, purchasedAt: true, product: { select: { sku: true } } },
      orderBy: { quantity: "asc" },
    });
    expect(purchases).toEqual([
      { userId: user.id, quantity: 1, purchasedAt: new Date("2026-03-01T14:30:00Z"), product: { sku: skus[0] } },
      { userId: user.id, quantity: 2, purchasedAt: new Date("2026-03-01T14:30:00Z"), product: { sku: skus[1] } },
    ]);
    const invitation = await db().invitation.findUniqueOrThrow({ where: { id: invitationId! }, select: { userId: true, orderId: true, respondedAt: true } });
    expect(invitation).toEqual({ userId: user.id, orderId: order.orderId, respondedAt: null });
    const shopOrder = await db().shopOrder.findUniqueOrThrow({ where: { orderId: order.orderId }, select: { userId: true, purchasedAt: true } });
    expect(shopOrder).toEqual({ userId: user.id, purchasedAt: new Date("2026-03-01T14:30:00Z") });
  });

  it("replays the same order with 200 and the identical body, creating nothing", async () => {
    const order = newOrder();
    const first = await post(order);
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const before = await rowCounts(order.orderId, order.customer.email);
    expect(before).toEqual({ users: 1, purchases: 2, shopOrders: 1, invitations: 1 });

    // A retry serialised differently (key order, spacing, other offset, item order) is the same order.
    const reordered = {
      items: [...order.items].reverse(),
      customer: { locale: order.customer.locale, email: `  ${order.customer.email.toUpperCase()} `, name: order.customer.name },
      purchasedAt: "2026-03-01T15:30:00+01:00",
      orderId: order.orderId,
    };
    for (const replay of [order, reordered]) {
      const again = await POST(signedRequest(JSON.stringify(replay, null, 2)));
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(firstBody);
    }
    expect(await rowCounts(order.orderId, order.customer.email)).toEqual(before);
  });

  it("answers 409 to the same orderId with a different body, and changes nothing", async () => {
    const order = newOrder();
    expect((await post(order)).status).toBe(201);
    const before = await rowCounts(order.orderId, order.customer.email);
    const otherEmail = `other-${unique()}@example.test`;
    customerEmails.add(otherEmail);
    for (const changed of [
      { ...order, items: [{ sku: skus[0], quantity: 3 }] },
      { ...order, customer: { ...order.customer, email: otherEmail } },
      { ...order, purchasedAt: "2026-03-02T14:30:00Z" },
      { ...order, customer: { ...order.customer, name: "Someone Else" } },
    ]) {
      const response = await post(changed);
      expect(response.status).toBe(409);
      const problem = await problemOf(response);
      expect(problem.type).toBe("tag:entraide,2025:problem/order-conflict");
      expect(problem.detail).toContain(order.orderId);
    }
    expect(await rowCounts(order.orderId, order.customer.email)).toEqual(before);
    expect(await db().user.count({ where: { email: otherEmail } })).toBe(0);
  });

  it("records one order once when two identical deliveries arrive at the same time", async () => {
    const order = newOrder();
    const responses = await Promise.all([post(order), post(order), post(order)]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 201]);
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(await rowCounts(order.orderId, order.customer.email)).toEqual({ users: 1, purchases: 2, shopOrders: 1, invitations: 1 });
  });

  it("creates one account when two different orders for a new address arrive at once, with one shared invitation", async () => {
    const first = newOrder();
    const second = newOrder({ customer: first.customer });
    const responses = await Promise.all([post(first), post(second)]);
    expect(responses.map((response) => response.status)).toEqual([201, 201]);
    const [a, b] = (await Promise.all(responses.map((response) => response.json()))) as { invitationUrl: string }[];
    expect(a!.invitationUrl).toBe(b!.invitationUrl);
    expect(await db().user.count({ where: { email: first.customer.email } })).toBe(1);
    expect(await db().invitation.count({ where: { user: { email: first.customer.email } } })).toBe(1);
    expect(await db().purchase.count({ where: { orderId: { in: [first.orderId, second.orderId] } } })).toBe(4);
  });
});

describe("POST /api/webhooks/purchases: existing customers", () => {
  it("never overwrites the display name or language the person chose", async () => {
    const email = `chosen-${unique()}@example.test`;
    customerEmails.add(email);
    await db().user.create({ data: { email, displayName: "Kestrel Fan", locale: "en" }, select: { id: true } });
    const order = newOrder({ customer: { email: email.toUpperCase(), name: "Legal Name From Shop", locale: "fr" } });
    expect((await post(order)).status).toBe(201);
    const user = await db().user.findUniqueOrThrow({ where: { email }, select: { displayName: true, locale: true, _count: { select: { purchases: true } } } });
    expect(user).toEqual({ displayName: "Kestrel Fan", locale: "en", _count: { purchases: 2 } });
  });

  it("fills only empty fields, ignores a name the community could not show and a language it does not offer", async () => {
    const order = newOrder({ customer: { email: `fill-${unique()}@example.test`, name: "<b>Bold</b>", locale: "de-DE" } });
    expect((await post(order)).status).toBe(201);
    expect(await db().user.findUniqueOrThrow({ where: { email: order.customer.email }, select: { displayName: true, locale: true } })).toEqual({ displayName: null, locale: null });

    const later = newOrder({ customer: { email: order.customer.email, name: "Dana", locale: "en" } });
    expect((await post(later)).status).toBe(201);
    expect(await db().user.findUniqueOrThrow({ where: { email: order.customer.email }, select: { displayName: true, locale: true } })).toEqual({ displayName: "Dana", locale: "en" });
  });

  it("reuses the customer's unanswered invitation for a later order, pointing it at that order", async () => {
    const first = newOrder();
    const firstBody = (await (await post(first)).json()) as { invitationUrl: string };
    const second = newOrder({ customer: first.customer, items: [{ sku: skus[1], quantity: 1 }] });
    const secondBody = (await (await post(second)).json()) as { invitationUrl: string };
    expect(secondBody.invitationUrl).toBe(firstBody.invitationUrl);
    const invitations = await db().invitation.findMany({ where: { user: { email: first.customer.email } }, select: { orderId: true } });
    expect(invitations).toEqual([{ orderId: second.orderId }]);
  });

  it("gives no invitation URL to a member or to someone who asked not to be invited again", async () => {
    const memberEmail = `member-${unique()}@example.test`;
    const declinedEmail = `declined-${unique()}@example.test`;
    customerEmails.add(memberEmail).add(declinedEmail);
    const member = await db().user.create({ data: { email: memberEmail, isMember: true, memberSince: new Date() }, select: { id: true } });
    memberUserIds.add(member.id);
    await db().user.create({ data: { email: declinedEmail, invitationsDeclined: true }, select: { id: true } });

    for (const email of [memberEmail, declinedEmail]) {
      const order = newOrder({ customer: { email } });
      const response = await post(order);
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ orderId: order.orderId, purchases: 2, invitationUrl: null });
      expect(await db().invitation.count({ where: { user: { email } } })).toBe(0);
    }
    // Recording the purchase did not touch the membership either way.
    expect(await db().user.findUniqueOrThrow({ where: { email: memberEmail }, select: { isMember: true } })).toEqual({ isMember: true });
  });

  it("creates a fresh customer with no history when the address belonged to a deleted account", async () => {
    const email = `deleted-${unique()}@example.test`;
    customerEmails.add(email);
    const first = newOrder({ customer: { email, name: "Old Name", locale: "fr" } });
    expect((await post(first)).status).toBe(201);
    const old = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    // What account deletion leaves: a tombstone address, personal data gone, the address suppressed.
    await db().user.update({ where: { id: old.id }, data: { email: `deleted-${old.id}@invalid`, displayName: null, deletedAt: new Date() }, select: { id: true } });
    await db().emailSuppression.create({ data: { emailSha256: createHash("sha256").update(email).digest("hex"), reason: "account-deleted" } });

    const later = newOrder({ customer: { email } });
    const response = await post(later);
    expect(response.status).toBe(201);
    const fresh = await db().user.findUniqueOrThrow({
      where: { email },
      select: { id: true, displayName: true, deletedAt: true, purchases: { select: { orderId: true } }, invitations: { select: { orderId: true } } },
    });
    expect(fresh.id).not.toBe(old.id);
    // The address can never receive a sign-in link again, so no invitation is offered.
    expect(await response.json()).toMatchObject({ invitationUrl: null });
    expect(fresh).toMatchObject({ displayName: null, deletedAt: null, invitations: [] });
    expect(fresh.purchases.map((purchase) => purchase.orderId)).toEqual([later.orderId, later.orderId]);
  });
});

describe("POST /api/webhooks/purchases: refusals write nothing", () => {
  it("answers 401 to a bad signature, another secret, a tampered body or a stale timestamp", async () => {
    const order = newOrder();
    const body = JSON.stringify(order);
    const requests = [
      new Request(URL, { method: "POST", body, headers: { "Content-Type": "application/json" } }),
      signedRequest(body, { headers: { "X-Entraide-Signature": `sha256=${"0".repeat(64)}` } }),
      signedRequest(body, { secret: "some-other-secret-some-other-secret-0000" }),
      new Request(signedRequest(body), { body: body.replace("Camille", "Mallory") }),
      signedRequest(body, { timestamp: nowSeconds() - 360 }),
      signedRequest(body, { timestamp: nowSeconds() + 360 }),
    ];
    for (const request of requests) {
      const response = await POST(request);
      expect(response.status).toBe(401);
      expect((await problemOf(response)).type).toBe("tag:entraide,2025:problem/invalid-signature");
    }
    expect(await rowCounts(order.orderId, order.customer.email)).toEqual({ users: 0, purchases: 0, shopOrders: 0, invitations: 0 });
  });

  it("answers 400 to signed malformed JSON without echoing it", async () => {
    const response = await POST(signedRequest('{"orderId": "ORD-secret-value", "items": ['));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await problemOf(response))).not.toContain("ORD-secret-value");
  });

  it("answers 422 naming every bad field by JSON pointer", async () => {
    const order = newOrder();
    const response = await post({
      orderId: " ",
      purchasedAt: "2026-03-01 14:30",
      customer: { email: "not-an-address", name: 7, locale: "français" },
      items: [{ sku: skus[0], quantity: 0 }, { sku: "", quantity: 1.5 }, { sku: skus[0], quantity: 1 }, "x", { quantity: "2" }],
    });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.type).toBe("tag:entraide,2025:problem/validation-failed");
    expect(new Set(problem.errors!.map((error) => error.pointer))).toEqual(
      new Set([
        "/orderId",
        "/purchasedAt",
        "/customer/email",
        "/customer/name",
        "/customer/locale",
        "/items/0/quantity",
        "/items/1/sku",
        "/items/1/quantity",
        "/items/2/sku",
        "/items/3",
        "/items/4/sku",
        "/items/4/quantity",
      ]),
    );
    for (const error of problem.errors!) expect(error.detail.length).toBeGreaterThan(0);
    expect(await rowCounts(order.orderId, order.customer.email)).toEqual({ users: 0, purchases: 0, shopOrders: 0, invitations: 0 });
  });

  it("answers 422 to a missing customer or items, an empty list, or a body that is not an object", async () => {
    for (const [payload, pointers] of [
      [{ orderId: "ORD-1", purchasedAt: "2026-03-01T14:30:00Z" }, ["/customer", "/items"]],
      [{ orderId: "ORD-1", purchasedAt: "2026-03-01T14:30:00Z", customer: { email: "a@example.test" }, items: [] }, ["/items"]],
      [[], [""]],
    ] as const) {
      const response = await post(payload);
      expect(response.status).toBe(422);
      expect((await problemOf(response)).errors?.map((error) => error.pointer)).toEqual(pointers);
    }
  });

  it("answers 422 listing every unknown SKU and records nothing", async () => {
    const order = newOrder({ items: [{ sku: `NOPE-${unique()}`, quantity: 1 }, { sku: skus[0], quantity: 1 }, { sku: `GONE-${unique()}`, quantity: 1 }] });
    const response = await post(order);
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([
      { pointer: "/items/0/sku", detail: `unknown sku "${order.items[0]!.sku}"` },
      { pointer: "/items/2/sku", detail: `unknown sku "${order.items[2]!.sku}"` },
    ]);
    expect(problem.detail).toContain(order.items[0]!.sku);
    expect(problem.detail).toContain(order.items[2]!.sku);
    expect(await rowCounts(order.orderId, order.customer.email)).toEqual({ users: 0, purchases: 0, shopOrders: 0, invitations: 0 });
  });

  it("answers 405 with an Allow header to other methods", async () => {
    for (const handler of [GET, PUT, DELETE]) {
      const response = await handler();
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    }
    expect((await OPTIONS()).headers.get("allow")).toBe("POST, OPTIONS");
  });
});
