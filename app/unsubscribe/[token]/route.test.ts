import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DELETE, GET, HEAD, POST, PUT } from "@/app/unsubscribe/[token]/route";
import { GET as UNDO_GET, POST as UNDO_POST } from "@/app/unsubscribe/[token]/undo/route";
import { db } from "@/server/db/client";
import { signUnsubscribeToken } from "@/server/notifications/sign-unsubscribe-token";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { setPersonalEventChannel } from "@/server/preferences/set-personal-event-channel";
import { signToken } from "@/server/tokens/sign-token";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember, createTestThread } from "@/test/fixtures/discussion-threads";

afterAll(async () => {
  await db().$disconnect();
});

// Each test comes from its own address so the per-IP rate limit only bites where it is tested.
const newIp = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomBytes(3).toString("hex")}`;
const ctx = (token: string) => ({ params: Promise.resolve({ token }) });
const url = (token: string, suffix = "") => `https://help.shop.test/unsubscribe/${token}${suffix}`;

/** A one-click POST exactly as a mail provider sends it: no cookie, no Origin, no CSRF token. */
function oneClick(token: string, { ip = newIp(), multipart = false, suffix = "" } = {}): Request {
  if (multipart) {
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    return new Request(url(token, suffix), { method: "POST", body: form, headers: { "X-Forwarded-For": ip } });
  }
  return new Request(url(token, suffix), {
    method: "POST",
    body: "List-Unsubscribe=One-Click",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": ip },
  });
}
const get = (token: string, method = "GET", ip = newIp()) => new Request(url(token), { method, headers: { "X-Forwarded-For": ip, "Accept-Language": "en" } });

async function watchedProduct(email = true) {
  const member = await createTestMember();
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, `Kestrel SSD ${randomBytes(3).toString("hex")}`);
  await setAlertSubscription({
    actor: { via: "session", userId: member.id },
    target: { type: "product", id: product.id },
    change: { level: "NEW_THREADS", email },
    source: "PRODUCT_PAGE",
    locale: "en",
    requestId: randomUUID(),
  });
  return { member, product, token: signUnsubscribeToken(member.id, `product:${product.id}`) };
}

const subscription = (userId: string, productId: string) =>
  db().alertSubscription.findFirst({ where: { userId, productId }, select: { level: true, inApp: true, email: true } });
const oneClickRows = (userId: string) =>
  db().consentEvent.findMany({ where: { subjectId: userId, source: "EMAIL_ONE_CLICK" }, orderBy: { id: "asc" }, select: { purpose: true, action: true, scope: true, detail: true, channel: true } });

describe("POST /unsubscribe/<token> (RFC 8058 one-click)", () => {
  it("unsubscribes from that product's e-mail with no cookie: 200, no redirect, one ledger row; repeating changes nothing", async () => {
    const { member, product, token } = await watchedProduct();
    const response = await POST(oneClick(token), ctx(token));
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).toContain(`You are unsubscribed from Alerts about ${product.name}`);
    expect(html).toContain(`action="/unsubscribe/${token}/undo"`);
    expect(html).toMatch(/href="https?:\/\/[^"]+\/preferences\/[^"]+"/);
    // E-mail off, level and in-app untouched.
    expect(await subscription(member.id, product.id)).toEqual({ level: "NEW_THREADS", inApp: true, email: false });

    for (let i = 0; i < 3; i += 1) expect((await POST(oneClick(token), ctx(token))).status).toBe(200);
    expect(await oneClickRows(member.id)).toEqual([
      { purpose: "PRODUCT_ALERTS", action: "WITHDRAWN", scope: product.id, detail: "level=NEW_THREADS inApp=on email=off", channel: "EMAIL" },
    ]);
    // Never the membership.
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id }, select: { isMember: true } })).isMember).toBe(true);
  });

  it("accepts multipart/form-data the same way", async () => {
    const { member, product, token } = await watchedProduct();
    const response = await POST(oneClick(token, { multipart: true }), ctx(token));
    expect(response.status).toBe(200);
    expect(await subscription(member.id, product.id)).toEqual({ level: "NEW_THREADS", inApp: true, email: false });
    expect(await oneClickRows(member.id)).toHaveLength(1);
  });

  it("turns off a personal event's e-mail for a personal list", async () => {
    const member = await createTestMember();
    await setPersonalEventChannel({ actor: { via: "session", userId: member.id }, event: "MENTION", channel: "email", on: true, source: "PREFERENCE_CENTER", locale: "en", requestId: randomUUID() });
    const token = signUnsubscribeToken(member.id, "personal:MENTION");
    expect((await POST(oneClick(token), ctx(token))).status).toBe(200);
    expect(await db().personalEventPreference.findMany({ where: { userId: member.id } })).toEqual([]);
    expect(await oneClickRows(member.id)).toEqual([{ purpose: "PERSONAL_NOTIFICATIONS", action: "WITHDRAWN", scope: "MENTION", detail: "inApp=on email=off", channel: "EMAIL" }]);
  });

  it("pauses e-mail for the digest list", async () => {
    const member = await createTestMember();
    const token = signUnsubscribeToken(member.id, "digest");
    expect((await POST(oneClick(token), ctx(token))).status).toBe(200);
    expect((await db().emailPreference.findUniqueOrThrow({ where: { userId: member.id } })).pausedAt).not.toBeNull();
    expect(await oneClickRows(member.id)).toEqual([{ purpose: "ALERT_EMAIL", action: "WITHDRAWN", scope: null, detail: "paused=on", channel: "EMAIL" }]);
  });

  it("refuses other bodies and content types without changing anything", async () => {
    const { member, product, token } = await watchedProduct();
    const json = await POST(new Request(url(token), { method: "POST", body: '{"List-Unsubscribe":"One-Click"}', headers: { "Content-Type": "application/json", "X-Forwarded-For": newIp() } }), ctx(token));
    expect(json.status).toBe(415);
    expect(json.headers.get("content-type")).toBe("application/problem+json");
    const wrong = await POST(new Request(url(token), { method: "POST", body: "List-Unsubscribe=Yes", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": newIp() } }), ctx(token));
    expect(wrong.status).toBe(400);
    expect(await subscription(member.id, product.id)).toEqual({ level: "NEW_THREADS", inApp: true, email: true });
  });
});

describe("GET and HEAD /unsubscribe/<token>", () => {
  it("show a page with one button that POSTs List-Unsubscribe=One-Click and change nothing", async () => {
    const { member, product, token } = await watchedProduct();
    const response = await GET(get(token), ctx(token));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<title>Unsubscribe from Alerts about ${product.name}?`);
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toContain(`<form method="post" action="/unsubscribe/${token}"><input type="hidden" name="List-Unsubscribe" value="One-Click">`);
    expect(html).toMatch(/\/preferences\//);

    const head = await HEAD(get(token, "HEAD"), ctx(token));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(await subscription(member.id, product.id)).toEqual({ level: "NEW_THREADS", inApp: true, email: true });
    expect(await db().consentEvent.count({ where: { subjectId: member.id } })).toBe(1);
  });

  it("speaks the member's saved language", async () => {
    const { member, token } = await watchedProduct();
    await db().user.update({ where: { id: member.id }, data: { locale: "fr" } });
    const html = await (await GET(get(token), ctx(token))).text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Me désabonner");
  });
});

describe("invalid links", () => {
  it("get one identical 404 for forged, truncated, other-kind, unknown-user and deleted-user tokens, on every method", async () => {
    const { member, product, token } = await watchedProduct();
    const deleted = await createTestMember({ deleted: true });
    const candidates = [
      `${token.slice(0, -2)}AA`,
      token.slice(0, -5),
      signToken("preferences", `${member.id}:product:${product.id}`),
      signUnsubscribeToken("nobody-at-all", `product:${product.id}`),
      signUnsubscribeToken(deleted.id, `product:${product.id}`),
      signUnsubscribeToken(member.id, "membership"),
      "not-a-token",
    ];
    const bodies = new Set<string>();
    for (const candidate of candidates) {
      for (const response of [await GET(get(candidate), ctx(candidate)), await POST(oneClick(candidate), ctx(candidate)), await UNDO_POST(oneClick(candidate, { suffix: "/undo" }), ctx(candidate))]) {
        expect(response.status).toBe(404);
        bodies.add(await response.text());
      }
      const head = await HEAD(get(candidate, "HEAD"), ctx(candidate));
      expect(head.status).toBe(404);
    }
    expect(bodies.size).toBe(1);
    expect(await subscription(member.id, product.id)).toEqual({ level: "NEW_THREADS", inApp: true, email: true });
  });

  it("answers 405 with Allow for other methods", async () => {
    const { token } = await watchedProduct();
    for (const handler of [PUT, DELETE]) {
      const response = await handler();
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
    }
    expect((await UNDO_GET()).headers.get("allow")).toBe("POST");
    void token;
  });
});

describe("rate limit", () => {
  it("answers 429 problem+json with Retry-After once an address has used its burst", async () => {
    const { token } = await watchedProduct();
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) statuses.push((await GET(get(token, "GET", ip), ctx(token))).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    const limited = await GET(get(token, "GET", ip), ctx(token));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another address is unaffected.
    expect((await GET(get(token), ctx(token))).status).toBe(200);
  });
});

describe("POST /unsubscribe/<token>/undo", () => {
  it("restores e-mail for exactly that list with one grant marked undo; a repeat changes nothing", async () => {
    const { member, product, token } = await watchedProduct();
    const other = await createTestProduct((await createTestCategory()).id, "Other SSD");
    await setAlertSubscription({ actor: { via: "session", userId: member.id }, target: { type: "product", id: other.id }, change: { level: "EVERYTHING", email: true }, source: "PRODUCT_PAGE", locale: "en", requestId: randomUUID() });
    const otherToken = signUnsubscribeToken(member.id, `product:${other.id}`);
    await POST(oneClick(token), ctx(token));
    await POST(oneClick(otherToken), ctx(otherToken));

    const undone = await UNDO_POST(oneClick(token, { suffix: "/undo" }), ctx(token));
    expect(undone.status).toBe(200);
    expect(await undone.text()).toContain(`E-mails from Alerts about ${product.name} are back on`);
    expect(await subscription(member.id, product.id)).toEqual({ level: "NEW_THREADS", inApp: true, email: true });
    expect(await subscription(member.id, other.id)).toEqual({ level: "EVERYTHING", inApp: true, email: false });
    expect((await UNDO_POST(oneClick(token, { suffix: "/undo" }), ctx(token))).status).toBe(200);

    const rows = (await oneClickRows(member.id)).filter((row) => row.scope === product.id);
    expect(rows).toEqual([
      { purpose: "PRODUCT_ALERTS", action: "WITHDRAWN", scope: product.id, detail: "level=NEW_THREADS inApp=on email=off", channel: "EMAIL" },
      { purpose: "PRODUCT_ALERTS", action: "GRANTED", scope: product.id, detail: "level=NEW_THREADS inApp=on email=on undo", channel: "EMAIL" },
    ]);
  });

  it("is refused when there was no one-click unsubscribe, after leaving, or once the subscription is back to Normal", async () => {
    const { member, product, token } = await watchedProduct(false);
    // No unsubscribe first: an undo can't turn e-mail on.
    const before = await UNDO_POST(oneClick(token, { suffix: "/undo" }), ctx(token));
    expect(await before.text()).toContain("can’t be turned back on");
    expect(await subscription(member.id, product.id)).toEqual({ level: "NEW_THREADS", inApp: true, email: false });

    const left = await watchedProduct();
    await POST(oneClick(left.token), ctx(left.token));
    await db().user.update({ where: { id: left.member.id }, data: { isMember: false } });
    await UNDO_POST(oneClick(left.token, { suffix: "/undo" }), ctx(left.token));
    expect(await subscription(left.member.id, left.product.id)).toEqual({ level: "NEW_THREADS", inApp: true, email: false });

    const thread = await createTestThread({ productId: product.id, authorId: member.id });
    const threadToken = signUnsubscribeToken(member.id, `thread:${thread.id}`);
    // Nothing to unsubscribe from at Normal: the POST still answers 200 and records nothing.
    expect((await POST(oneClick(threadToken), ctx(threadToken))).status).toBe(200);
    await UNDO_POST(oneClick(threadToken, { suffix: "/undo" }), ctx(threadToken));
    expect(await db().alertSubscription.count({ where: { userId: member.id, threadId: thread.id } })).toBe(0);
    expect(await db().consentEvent.count({ where: { subjectId: member.id, source: "EMAIL_ONE_CLICK" } })).toBe(0);
  });
});
