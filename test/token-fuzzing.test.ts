/**
 * Token fuzzing: the signed links (one-click unsubscribe, preference center, invitation) and the
 * shop's webhook signatures, attacked with a seeded random generator (reproducible: change SEED to
 * explore, a failure prints the case): forged at random, signed with a wrong key, relabelled to
 * another key or another kind of token, truncated at every length, changed at every character,
 * bit-flipped at every MAC bit, swapped between recipients, replayed after use, after the account
 * is gone and after the key was rotated out. Every one must be refused, and refused uniformly:
 * the same status and the same bytes (routes) or the same ActionResult (actions), so nobody learns
 * which check failed.
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as purchasesPost } from "@/app/api/webhooks/purchases/route";
import { POST as unsubscribePost, GET as unsubscribeGet } from "@/app/unsubscribe/[token]/route";
import { POST as undoPost } from "@/app/unsubscribe/[token]/undo/route";
import { declineInvitationAction } from "@/app/invitation/actions";
import { pauseEmailByLinkAction, stopSubscriptionsByLinkAction } from "@/app/preferences/[token]/actions";
import { getConsentText } from "@/lib/consent/consent-texts";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { INVITATION_TOKEN_KIND } from "@/server/invitations/invitation-token-kind";
import { signUnsubscribeToken, UNSUBSCRIBE_TOKEN_KIND } from "@/server/notifications/sign-unsubscribe-token";
import { verifyUnsubscribeToken } from "@/server/notifications/verify-unsubscribe-token";
import { PREFERENCE_TOKEN_KIND } from "@/server/preferences/preference-token-kind";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { signPreferenceToken } from "@/server/preferences/sign-preference-token";
import { verifyPreferenceToken } from "@/server/preferences/verify-preference-token";
import { signToken } from "@/server/tokens/sign-token";
import { verifyToken } from "@/server/tokens/verify-token";
import { signShopPayload, verifyShopSignature } from "@/server/webhooks/verify-shop-signature";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember } from "@/test/fixtures/discussion-threads";

// Server actions outside a Next request: plain stand-ins for what only exists inside one.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// Each call from a new client address: the per-IP limits of link pages and actions are tested on
// their own; here every forged token must reach the token check.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 1e9)}` }),
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));
vi.mock("next-intl/server", () => ({ getTranslations: async (namespace: string) => (key: string) => `${namespace}.${key}` }));

const SEED = 0x8e17a0c3;

/** mulberry32: small, fast, good enough to pick cases, and the same cases on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  // By code point, so an emoji in the alphabet is never split into lone surrogates.
  const string = (alphabet: string, length: number) => {
    const symbols = [...alphabet];
    return Array.from({ length }, () => symbols[int(symbols.length)]).join("");
  };
  return { next, int, pick, string };
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const NOISE = `${BASE64URL}.=+/%:~ \u0000\u00e9\u{1F600}`;
const KINDS = [UNSUBSCRIBE_TOKEN_KIND, PREFERENCE_TOKEN_KIND, INVITATION_TOKEN_KIND] as const;
const current = { kid: "k2", secret: "current-signing-secret-with-at-least-32-chars" };
const previous = { kid: "k1", secret: "previous-signing-secret-with-at-least-32-chars" };
const ROTATING = [current, previous];

/**
 * Every way this file knows to spoil a valid token, each case named for the failure message.
 * `payloadOfOther` is the encoded payload of a token for someone else (the swap).
 */
function spoiled(token: string, random: ReturnType<typeof generator>, payloadOfOther: string): [string, string][] {
  const [kid, payload, mac] = token.split(".") as [string, string, string];
  const cases: [string, string][] = [];
  for (let length = 0; length < token.length; length++) cases.push([`truncated to ${length}`, token.slice(0, length)]);
  for (let start = 1; start < token.length; start++) cases.push([`first ${start} characters cut`, token.slice(start)]);
  for (let index = 0; index < token.length; index++) {
    let replacement = random.pick([...`${BASE64URL}.`]);
    while (replacement === token[index]) replacement = random.pick([...`${BASE64URL}.`]);
    cases.push([`character ${index} changed`, token.slice(0, index) + replacement + token.slice(index + 1)]);
  }
  const macBytes = Buffer.from(mac, "base64url");
  for (let bit = 0; bit < macBytes.length * 8; bit++) {
    const flipped = Buffer.from(macBytes);
    flipped[bit >> 3]! ^= 1 << (bit & 7);
    cases.push([`MAC bit ${bit} flipped`, `${kid}.${payload}.${flipped.toString("base64url")}`]);
  }
  const payloadBytes = Buffer.from(payload, "base64url");
  for (let bit = 0; bit < payloadBytes.length * 8; bit += 3) {
    const flipped = Buffer.from(payloadBytes);
    flipped[bit >> 3]! ^= 1 << (bit & 7);
    cases.push([`payload bit ${bit} flipped`, `${kid}.${flipped.toString("base64url")}.${mac}`]);
  }
  cases.push(
    ["payload swapped for another recipient's", `${kid}.${payloadOfOther}.${mac}`],
    ["relabelled to the other key", `${kid === current.kid ? previous.kid : current.kid}.${payload}.${mac}`],
    ["padding added", `${token}=`],
    ["a fourth part", `${token}.${mac}`],
    ["kid missing", `.${payload}.${mac}`],
    ["MAC missing", `${kid}.${payload}.`],
    ["MAC doubled", `${kid}.${payload}.${mac}${mac}`],
    ["standard base64 alphabet", token.replace(/-/g, "+").replace(/_/g, "/") === token ? `${token}+` : token.replace(/-/g, "+").replace(/_/g, "/")],
    ["upper-cased", token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()],
    ["surrounded by spaces", ` ${token} `],
    ["URL-encoded dots", token.replace(/\./g, "%2E")],
  );
  return cases;
}

describe("signed link tokens (verifyToken): forged, truncated, flipped, swapped, relabelled, rotated out", () => {
  it("refuses every spoiled, forged or confused token of every kind and accepts only the real one", () => {
    const random = generator(SEED);
    let checked = 0;
    const accepted: string[] = [];
    const refuse = (kind: string, label: string, candidate: unknown, keys = ROTATING) => {
      checked++;
      if (verifyToken(kind, candidate, keys) !== null) accepted.push(`${kind}: ${label}: ${JSON.stringify(candidate)}`);
    };

    for (const kind of KINDS) {
      for (let round = 0; round < 3; round++) {
        const payload = `c${random.string("abcdefghijklmnopqrstuvwxyz0123456789", 24)}${kind === UNSUBSCRIBE_TOKEN_KIND ? ":product:p1" : ""}`;
        const other = `c${random.string("abcdefghijklmnopqrstuvwxyz0123456789", 24)}${kind === UNSUBSCRIBE_TOKEN_KIND ? ":product:p1" : ""}`;
        const token = signToken(kind, payload, ROTATING);
        expect(verifyToken(kind, token, ROTATING)).toBe(payload);
        for (const [label, candidate] of spoiled(token, random, Buffer.from(other).toString("base64url"))) refuse(kind, label, candidate);

        // Another kind of token with the same payload (a preference link is no unsubscribe link).
        for (const otherKind of KINDS.filter((k) => k !== kind)) refuse(kind, `a ${otherKind} token`, signToken(otherKind, payload, ROTATING));
        // The right shape, signed with a key we do not hold, under our key ids and others.
        for (const kid of [current.kid, previous.kid, "k3"]) {
          const secret = random.string(BASE64URL, 40);
          const encoded = Buffer.from(payload).toString("base64url");
          const mac = createHmac("sha256", secret).update(`entraide-token\0${kind}\0${kid}\0${encoded}`).digest("base64url");
          refuse(kind, `signed with a wrong key as ${kid}`, `${kid}.${encoded}.${mac}`);
        }
        // A MAC made without the kind and kid (a naive HMAC of the payload alone).
        const encoded = Buffer.from(payload).toString("base64url");
        refuse(kind, "HMAC of the payload alone", `${current.kid}.${encoded}.${createHmac("sha256", current.secret).update(encoded).digest("base64url")}`);
        // Key rotation: an old key's token verifies while the key is kept, never once it is dropped.
        const old = signToken(kind, payload, [previous]);
        expect(verifyToken(kind, old, ROTATING)).toBe(payload);
        refuse(kind, "signed with a key rotated out", old, [current]);
      }
      // Random garbage, and garbage shaped like a token.
      for (let i = 0; i < 300; i++) refuse(kind, "random", random.string(NOISE, random.int(120)));
      for (let i = 0; i < 300; i++) refuse(kind, "random three parts", `${random.pick([current.kid, previous.kid, random.string(BASE64URL, 3)])}.${random.string(BASE64URL, random.int(60))}.${random.string(BASE64URL, 43)}`);
      for (const value of [undefined, null, 0, 1, true, {}, [], ["k2", "a", "b"], "x".repeat(1025), `${"k2."}${"A".repeat(2000)}.${"A".repeat(43)}`]) refuse(kind, `not a token: ${typeof value}`, value);
    }

    expect(accepted).toEqual([]);
    expect(checked).toBeGreaterThan(3000);
  });
});

// ---------------------------------------------------------------------------------------------

const ip = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;
const ctx = (token: string) => ({ params: Promise.resolve({ token }) });
const oneClick = (token: string, suffix = "") =>
  new Request(`https://help.shop.test/unsubscribe/${encodeURIComponent(token)}${suffix}`, {
    method: "POST",
    body: "List-Unsubscribe=One-Click",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": ip() },
  });
const page = (token: string) => new Request(`https://help.shop.test/unsubscribe/${encodeURIComponent(token)}`, { headers: { "X-Forwarded-For": ip(), "Accept-Language": "en" } });
const answer = async (response: Response) => ({ status: response.status, type: response.headers.get("content-type"), body: await response.text() });

async function watcher() {
  const member = await createTestMember();
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, `Fuzzed SSD ${randomBytes(3).toString("hex")}`);
  await setAlertSubscription({
    actor: { via: "session", userId: member.id },
    target: { type: "product", id: product.id },
    change: { level: "NEW_THREADS", email: true },
    source: "PRODUCT_PAGE",
    locale: "en",
    requestId: randomUUID(),
    textVersions: { GRANTED: getConsentText("PRODUCT_ALERTS", "GRANTED", "en").version },
  });
  const subscription = await db().alertSubscription.findFirstOrThrow({ where: { userId: member.id, productId: product.id }, select: { id: true, email: true } });
  return { member, product, subscription, listKey: `product:${product.id}` };
}

/** A sample of spoiled tokens for the routes and actions (each one costs a request). */
function sampleOfSpoiled(token: string, other: string, seed: number, size: number): string[] {
  const random = generator(seed);
  const all = spoiled(token, random, other.split(".")[1]!).map(([, candidate]) => candidate);
  const sample = Array.from({ length: size }, () => random.pick(all));
  for (let i = 0; i < size / 4; i++) sample.push(random.string(NOISE.replace(/[\u0000 %]/g, ""), 1 + random.int(100)));
  // Never the real token (a spoiling can be a no-op only by a bug in this file).
  return sample.filter((candidate) => candidate !== token && candidate.length > 0);
}

describe("one-click unsubscribe links over HTTP", () => {
  it("answers every bad link — forged, spoiled, another member's list, another kind, a deleted account, a rotated-out key — with the same 404 page, GET and POST alike", async () => {
    const [a, b] = await Promise.all([watcher(), watcher()]);
    const tokenA = signUnsubscribeToken(a.member.id, a.listKey);
    const tokenB = signUnsubscribeToken(b.member.id, b.listKey);
    const gone = await createTestMember({ deleted: true });
    const keyId = env().TOKEN_SIGNING_KEYS[0]!.kid;
    const bad = [
      ...sampleOfSpoiled(tokenA, tokenB, SEED + 1, 160),
      signUnsubscribeToken(gone.id, a.listKey),
      signUnsubscribeToken(a.member.id, "product:"),
      signUnsubscribeToken(a.member.id, "nonsense"),
      signPreferenceToken(a.member.id),
      signToken(INVITATION_TOKEN_KIND, `${a.member.id}:${a.listKey}`),
      signUnsubscribeToken(a.member.id, a.listKey, [{ kid: "retired", secret: "a-key-that-was-rotated-out-long-ago-000000" }]),
      signUnsubscribeToken(a.member.id, a.listKey, [{ kid: keyId, secret: "the-right-kid-with-a-forged-secret-0000000" }]),
    ];
    const answers = new Map<string, string[]>();
    for (const token of bad) {
      for (const [label, response] of [
        ["POST", await unsubscribePost(oneClick(token), ctx(token))],
        ["GET", await unsubscribeGet(page(token), ctx(token))],
        ["undo", await undoPost(oneClick(token, "/undo"), ctx(token))],
      ] as const) {
        const { status, type, body } = await answer(response);
        const key = `${status} ${type} ${body.length}:${body.slice(0, 40)}`;
        answers.set(`${label} ${key}`, [...(answers.get(`${label} ${key}`) ?? []), token]);
      }
    }
    // One answer per method, whatever was wrong, and it is the 404 page.
    expect([...answers.keys()].map((key) => key.split(" ").slice(0, 2).join(" ")).sort()).toEqual(["GET 404", "POST 404", "undo 404"]);
    const refusedPost = await answer(await unsubscribePost(oneClick("x.y.z"), ctx("x.y.z")));
    const refusedGet = await answer(await unsubscribeGet(page("x.y.z"), ctx("x.y.z")));
    expect(answers.size).toBe(3);
    expect(refusedPost.body).toBe(refusedGet.body);

    // Nothing was stopped, for either member.
    const after = await db().alertSubscription.findMany({ where: { id: { in: [a.subscription.id, b.subscription.id] } }, select: { email: true } });
    expect(after.map((row) => row.email)).toEqual([true, true]);
    expect(await db().consentEvent.count({ where: { subjectId: { in: [a.member.id, b.member.id] }, action: "WITHDRAWN" } })).toBe(0);
  });

  it("a replayed one-click POST changes and records nothing more; a token stops only its own member's list", async () => {
    const [a, b] = await Promise.all([watcher(), watcher()]);
    const tokenA = signUnsubscribeToken(a.member.id, a.listKey);
    const first = await answer(await unsubscribePost(oneClick(tokenA), ctx(tokenA)));
    expect(first.status).toBe(200);
    const ledger = await db().consentEvent.count({ where: { subjectId: a.member.id } });
    for (let i = 0; i < 5; i++) expect((await unsubscribePost(oneClick(tokenA), ctx(tokenA))).status).toBe(200);
    expect(await db().consentEvent.count({ where: { subjectId: a.member.id } })).toBe(ledger);
    expect((await db().alertSubscription.findUniqueOrThrow({ where: { id: a.subscription.id }, select: { email: true } })).email).toBe(false);
    // B's subscription to the same kind of list is untouched by A's link — and by a real link for
    // A naming B's product (the member is in the signed payload, so it can only ever stop A's).
    const aOnB = signUnsubscribeToken(a.member.id, b.listKey);
    expect((await unsubscribePost(oneClick(aOnB), ctx(aOnB))).status).toBe(200);
    expect((await db().alertSubscription.findUniqueOrThrow({ where: { id: b.subscription.id }, select: { email: true } })).email).toBe(true);
    expect(await db().consentEvent.count({ where: { subjectId: b.member.id, action: "WITHDRAWN" } })).toBe(0);
    // Once the account is deleted, the same link is as dead as a forged one.
    await db().user.update({ where: { id: a.member.id }, data: { deletedAt: new Date() } });
    expect(await verifyUnsubscribeToken(tokenA)).toBeNull();
    const replayed = await answer(await unsubscribePost(oneClick(tokenA), ctx(tokenA)));
    expect(replayed).toEqual(await answer(await unsubscribePost(oneClick("forged.token.x"), ctx("forged.token.x"))));
  });
});

describe("preference-center links (actions)", () => {
  it("every bad link gets the same refusal from every action, and nothing changes", async () => {
    const [a, b] = await Promise.all([watcher(), watcher()]);
    const tokenA = signPreferenceToken(a.member.id);
    const tokenB = signPreferenceToken(b.member.id);
    const gone = await createTestMember({ deleted: true });
    const bad = [
      ...sampleOfSpoiled(tokenA, tokenB, SEED + 2, 120).filter((token) => token.length <= 1024),
      signPreferenceToken(gone.id),
      signPreferenceToken(`c${randomBytes(12).toString("hex")}`),
      signUnsubscribeToken(a.member.id, a.listKey),
      signToken(INVITATION_TOKEN_KIND, a.member.id),
      signPreferenceToken(a.member.id, [{ kid: "retired", secret: "a-key-that-was-rotated-out-long-ago-000000" }]),
    ];
    const textVersions = { WITHDRAWN: getConsentText("ALERT_EMAIL", "WITHDRAWN", "en").version };
    const results = new Set<string>();
    for (const token of bad) {
      expect(await verifyPreferenceToken(token), token).toBeNull();
      results.add(JSON.stringify(await pauseEmailByLinkAction({ token, locale: "en", textVersions })));
      results.add(JSON.stringify(await stopSubscriptionsByLinkAction({ token, subscriptionIds: "all", locale: "en", textVersions: { PRODUCT_ALERTS: 1 } })));
    }
    expect([...results]).toEqual([JSON.stringify({ ok: false, formError: "preferences.errors.invalidLink" })]);
    const subscriptions = await db().alertSubscription.findMany({ where: { id: { in: [a.subscription.id, b.subscription.id] } }, select: { email: true, level: true } });
    expect(subscriptions).toEqual([
      { email: true, level: "NEW_THREADS" },
      { email: true, level: "NEW_THREADS" },
    ]);
  });

  it("A's link used on B's subscription (the token is the member, the id is the resource) stops nothing of B's", async () => {
    const [a, b] = await Promise.all([watcher(), watcher()]);
    const result = await stopSubscriptionsByLinkAction({ token: signPreferenceToken(a.member.id), subscriptionIds: [b.subscription.id], locale: "en", textVersions: { PRODUCT_ALERTS: 1 } });
    // Either refused or "nothing stopped": never B's row.
    expect(result.ok ? result.data : result).toEqual(result.ok ? { stopped: 0 } : expect.objectContaining({ ok: false }));
    expect(await db().alertSubscription.findUniqueOrThrow({ where: { id: b.subscription.id }, select: { level: true, email: true } })).toEqual({ level: "NEW_THREADS", email: true });
    expect(await db().consentEvent.count({ where: { subjectId: b.member.id, action: "WITHDRAWN" } })).toBe(0);
  });
});

describe("invitation links", () => {
  async function invitation() {
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, `Invited SSD ${randomBytes(3).toString("hex")}`);
    const email = `fuzz-${randomBytes(5).toString("hex")}@example.test`;
    const body = JSON.stringify({ orderId: `ORD-${randomUUID()}`, purchasedAt: new Date().toISOString(), customer: { email, name: "Ana", locale: "en" }, items: [{ sku: product.sku, quantity: 1 }] });
    const response = await purchasesPost(signedWebhook(body));
    expect(response.status).toBe(201);
    const { invitationUrl } = (await response.json()) as { invitationUrl: string };
    const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return { token: invitationUrl.split("/invitation/")[1]!, userId: user.id };
  }
  const decline = (token: string) => {
    const form = new FormData();
    form.set("token", token);
    form.set("dontInviteAgain", "on");
    return declineInvitationAction(null, form);
  };

  it("every bad token gets the same 'not found', records nothing; a used one changes nothing more; a deleted account's is dead", async () => {
    const [a, b] = await Promise.all([invitation(), invitation()]);
    const bad = [
      ...sampleOfSpoiled(a.token, b.token, SEED + 3, 150).filter((token) => token.length <= 1024),
      signPreferenceToken(a.userId),
      signToken(INVITATION_TOKEN_KIND, randomBytes(16).toString("base64url")),
      signToken(INVITATION_TOKEN_KIND, "x", [{ kid: "retired", secret: "a-key-that-was-rotated-out-long-ago-000000" }]),
    ];
    const results = new Set<string>();
    for (const token of bad) results.add(JSON.stringify(await decline(token)));
    expect([...results]).toEqual([JSON.stringify({ ok: false, formError: "invitation.decline.errors.notFound" })]);
    expect(await db().user.count({ where: { id: { in: [a.userId, b.userId] }, invitationsDeclined: true } })).toBe(0);

    // Used, then replayed: the same outcome, nothing new.
    expect(await decline(a.token)).toEqual({ ok: true, data: { remembered: true } });
    const answered = await db().invitation.findFirstOrThrow({ where: { userId: a.userId }, select: { respondedAt: true } });
    expect(await decline(a.token)).toEqual({ ok: true, data: { remembered: true } });
    expect(await db().invitation.findFirstOrThrow({ where: { userId: a.userId }, select: { respondedAt: true } })).toEqual(answered);
    // B's invitation was not touched by anything above.
    expect(await db().user.findUniqueOrThrow({ where: { id: b.userId }, select: { invitationsDeclined: true } })).toEqual({ invitationsDeclined: false });

    await db().user.update({ where: { id: b.userId }, data: { deletedAt: new Date() } });
    expect(JSON.stringify(await decline(b.token))).toBe([...results][0]);
  });
});

// ---------------------------------------------------------------------------------------------

function signedWebhook(body: string, { secret = env().SHOP_WEBHOOK_SECRET, timestamp = Math.floor(Date.now() / 1000), signature }: { secret?: string; timestamp?: number | string; signature?: string } = {}) {
  return new Request("https://help.shop.test/api/webhooks/purchases", {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Entraide-Timestamp": String(timestamp),
      "X-Entraide-Signature": signature ?? signShopPayload(body, secret, Number(timestamp)),
      "X-Forwarded-For": ip(),
    },
  });
}

describe("shop webhook signatures", () => {
  it("refuses forged, flipped, truncated, wrong-key, tampered and stale signatures (pure check, thousands of cases)", () => {
    const random = generator(SEED + 4);
    const secret = env().SHOP_WEBHOOK_SECRET;
    const now = 1_780_000_000;
    let checked = 0;
    const accepted: string[] = [];
    const refuse = (label: string, input: { body: string; timestamp: string | null; signature: string | null; now?: number }) => {
      checked++;
      const check = verifyShopSignature({ rawBody: new TextEncoder().encode(input.body), timestampHeader: input.timestamp, signatureHeader: input.signature, secret, nowSeconds: input.now ?? now });
      if (check.ok) accepted.push(label);
    };
    for (let round = 0; round < 4; round++) {
      const body = JSON.stringify({ orderId: `ORD-${random.string(BASE64URL, 10)}`, n: random.int(1000) });
      const signature = signShopPayload(body, secret, now);
      expect(verifyShopSignature({ rawBody: new TextEncoder().encode(body), timestampHeader: String(now), signatureHeader: signature, secret, nowSeconds: now })).toEqual({ ok: true });
      const hex = signature.slice("sha256=".length);
      for (let bit = 0; bit < 256; bit++) {
        const bytes = Buffer.from(hex, "hex");
        bytes[bit >> 3]! ^= 1 << (bit & 7);
        refuse(`bit ${bit}`, { body, timestamp: String(now), signature: `sha256=${bytes.toString("hex")}` });
      }
      for (let length = 0; length < signature.length; length++) refuse(`truncated ${length}`, { body, timestamp: String(now), signature: signature.slice(0, length) });
      for (let i = 0; i < body.length; i++) refuse(`body byte ${i}`, { body: body.slice(0, i) + (body[i] === "x" ? "y" : "x") + body.slice(i + 1), timestamp: String(now), signature });
      for (const skew of [-301, 301, -3600, 86_400]) refuse(`replayed ${skew}s off`, { body, timestamp: String(now), signature, now: now + skew });
      refuse("other timestamp", { body, timestamp: String(now + 1), signature });
      refuse("wrong secret", { body, timestamp: String(now), signature: signShopPayload(body, random.string(BASE64URL, 40), now) });
      refuse("sha1-labelled", { body, timestamp: String(now), signature: signature.replace("sha256", "sha1") });
      refuse("no label", { body, timestamp: String(now), signature: hex });
      refuse("upper-case label", { body, timestamp: String(now), signature: signature.replace("sha256", "SHA256").replace(/[a-f]/g, "A") });
      refuse("missing", { body, timestamp: String(now), signature: null });
      refuse("no timestamp", { body, timestamp: null, signature });
      for (let i = 0; i < 200; i++) refuse("random", { body, timestamp: String(now), signature: `sha256=${random.string("0123456789abcdef", 64)}` });
      for (let i = 0; i < 50; i++) refuse("random text", { body, timestamp: random.string(NOISE, random.int(12)), signature: random.string(NOISE, random.int(80)) });
    }
    expect(accepted).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
  });

  it("over HTTP every refusal is the same 401 problem (status, type, title); every wrong MAC is byte-identical; an exact replay records nothing twice", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, `Webhook SSD ${randomBytes(3).toString("hex")}`);
    const body = JSON.stringify({ orderId: `ORD-${randomUUID()}`, purchasedAt: new Date().toISOString(), customer: { email: `hook-${randomBytes(4).toString("hex")}@example.test`, name: "Li" }, items: [{ sku: product.sku, quantity: 1 }] });
    const now = Math.floor(Date.now() / 1000);
    const good = signShopPayload(body, env().SHOP_WEBHOOK_SECRET, now);
    const random = generator(SEED + 5);
    const mismatches = [
      ...Array.from({ length: 40 }, () => {
        const bytes = Buffer.from(good.slice(7), "hex");
        const bit = random.int(256);
        bytes[bit >> 3]! ^= 1 << (bit & 7);
        return signedWebhook(body, { timestamp: now, signature: `sha256=${bytes.toString("hex")}` });
      }),
      signedWebhook(body, { secret: "another-shop-secret-with-at-least-32-characters" }),
      signedWebhook(body.replace("Li", "Lo"), { timestamp: now, signature: good }),
      signedWebhook(body, { timestamp: now + 1, signature: good }),
    ];
    const others = [
      signedWebhook(body, { timestamp: now - 600, signature: signShopPayload(body, env().SHOP_WEBHOOK_SECRET, now - 600) }),
      signedWebhook(body, { timestamp: now, signature: good.slice(0, 40) }),
      signedWebhook(body, { timestamp: "yesterday" }),
      signedWebhook(body, { timestamp: now, signature: "" }),
    ];
    const mismatchAnswers = new Set<string>();
    for (const request of mismatches) {
      const { status, type, body: text } = await answer(await purchasesPost(request));
      mismatchAnswers.add(`${status} ${type} ${text}`);
    }
    expect(mismatchAnswers.size).toBe(1);
    const shapes = new Set<string>([...mismatchAnswers].map((entry) => entry.split(" ").slice(0, 2).join(" ")));
    const titles = new Set<string>();
    for (const request of [...mismatches.slice(0, 1).map(() => signedWebhook(body, { timestamp: now, signature: `sha256=${"0".repeat(64)}` })), ...others]) {
      const response = await purchasesPost(request);
      shapes.add(`${response.status} ${response.headers.get("content-type")}`);
      const problem = (await response.json()) as { type: string; title: string; status: number };
      titles.add(`${problem.status} ${problem.type} ${problem.title}`);
    }
    expect([...shapes]).toEqual(["401 application/problem+json"]);
    expect(titles.size).toBe(1);
    expect(await db().purchase.count({ where: { productId: product.id } })).toBe(0);

    // The real one, then the same request again within the window: recorded once.
    expect((await purchasesPost(signedWebhook(body, { timestamp: now, signature: good }))).status).toBe(201);
    expect((await purchasesPost(signedWebhook(body, { timestamp: now, signature: good }))).status).toBe(200);
    expect(await db().purchase.count({ where: { productId: product.id } })).toBe(1);
  });
});
