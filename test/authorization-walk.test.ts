/**
 * The authorization walk: every server action (each exported async function of a "use server"
 * file under app/) and every route handler (each exported HTTP method of app/**\/route.ts), found
 * by walking the folder, called with each role — signed out, signed in but not a member, a member,
 * another member taking part in the thread (not the author), the author (owner) of what is acted
 * on, a suspended member, a moderator, an administrator — against a fresh scene each time.
 *
 * Outcomes: "changes" (accepted, and the database changed), "unchanged" (accepted, nothing
 * written: a read, or a write that only ever touches the caller's own rows), "refused" (an
 * ActionResult with ok: false, a redirect to sign in, or a 4xx) — and a refusal must leave the
 * whole database exactly as it was (every table's rows hashed before and after, in a database of
 * this file's own so nothing else writes meanwhile).
 *
 * A new action or route without a row in TABLE makes "every action and route has a row" fail; a
 * row for something that no longer exists fails it too.
 *
 * Sessions: next-auth's getServerSession is the mocked boundary, so the real getCurrentUser runs
 * (and turns a suspended member's still-valid session into nobody, as in production). Route
 * handlers and actions are called as Next calls them; next/headers, next/cache and next-intl's
 * request config (which only exist inside a Next request) are replaced by plain stand-ins.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getConsentText, type ConsentPurposeWithText } from "@/lib/consent/consent-texts";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrations/apply-migrations";

const session = vi.hoisted(() => ({ userId: null as string | null }));

vi.mock("next-auth", async (importOriginal) => {
  const original = await importOriginal<typeof import("next-auth")>();
  return { ...original, getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: new Date(Date.now() + 3_600_000).toISOString() } : null) };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
// One stand-in for next/headers, for our modules (vi.mock) and for next-auth's route handler,
// which require()s it from node_modules where vi.mock does not reach (see the require cache below).
const nextHeaders = vi.hoisted(() => {
  const jar = new Map<string, string>();
  return {
    // A new client address on every call: per-IP rate limits are not what this walk is about.
    headers: async () => new Headers({ "x-request-id": `authz-walk-${Date.now()}`, "accept-language": "en", "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 1e9)}` }),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
      set: (name: string | { name: string; value: string }, value?: string) => {
        if (typeof name === "string") jar.set(name, value ?? "");
        else jar.set(name.name, name.value);
      },
      delete: (name: string) => jar.delete(name),
    }),
    draftMode: async () => ({ isEnabled: false }),
  };
});
vi.mock("next/headers", () => nextHeaders);
{
  const requireHere = createRequire(import.meta.url);
  const resolved = requireHere.resolve("next/headers");
  requireHere.cache[resolved] = { id: resolved, filename: resolved, loaded: true, exports: nextHeaders } as unknown as NodeJS.Module;
}
vi.mock("next-intl/server", () => {
  const t = Object.assign((key: string) => key, { rich: (key: string) => key, markup: (key: string) => key, raw: (key: string) => key, has: () => true });
  return { getTranslations: async () => t, getLocale: async () => "en", getMessages: async () => ({}), getFormatter: async () => ({}), setRequestLocale: () => {} };
});

// ---------------------------------------------------------------------------------------------
// This file's own database: a refusal is checked against every row of every table.
// ---------------------------------------------------------------------------------------------
const databaseUrl = databaseUrlFor(process.env.ENTRAIDE_TEST_SERVER_URL ?? process.env.DATABASE_URL!, `entraide_authz_${randomBytes(4).toString("hex")}`);
const savedEnv = { ...process.env };
const prismaHolder = globalThis as unknown as { entraidePrisma?: unknown };

type Db = typeof import("@/server/db/client");
let db: Db["db"];

beforeAll(async () => {
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  process.env.APP_URL = "https://help.shop.test";
  prismaHolder.entraidePrisma = undefined;
  db = (await import("@/server/db/client")).db;
}, 60_000);

afterAll(async () => {
  await db().$disconnect();
  prismaHolder.entraidePrisma = undefined;
  process.env = savedEnv;
  await dropDatabase(databaseUrl);
});

/**
 * One checksum per table over all its rows (count and sum of 64-bit row hashes: no sort, so it
 * stays quick as the cells add rows). Rate-limit counters are left out: counting an attempt is
 * not the refused action having happened (and another helper may add such a table).
 */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' AND table_name NOT ILIKE '%rate%limit%'
    ORDER BY table_name`;
  const union = tables.map(({ name }) => `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)::text AS hash FROM "${name}" t`).join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<{ name: string; hash: string }[]>(union);
  return Object.fromEntries(rows.map((row) => [row.name, row.hash]));
}

// ---------------------------------------------------------------------------------------------
// What exists: found by walking app/, so nothing new slips past the table.
// ---------------------------------------------------------------------------------------------
const root = path.resolve(import.meta.dirname, "..");
const appFiles = (readdirSync(path.join(root, "app"), { recursive: true }) as string[]).map((file) => path.join("app", file).split(path.sep).join("/"));
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const actionFiles = appFiles.filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && /^\s*["']use server["']/.test(readFileSync(path.join(root, file), "utf8")));
const routeFiles = appFiles.filter((file) => /(^|\/)route\.ts$/.test(file));

const importApp = (file: string) => import(/* @vite-ignore */ path.join(root, file)) as Promise<Record<string, unknown>>;

async function discover(): Promise<string[]> {
  const keys: string[] = [];
  for (const file of actionFiles) {
    const module = await importApp(file);
    for (const [name, value] of Object.entries(module)) if (typeof value === "function") keys.push(`${file}#${name}`);
  }
  for (const file of routeFiles) {
    const module = await importApp(file);
    for (const method of HTTP_METHODS) if (typeof module[method] === "function") keys.push(`${file}#${method}`);
  }
  return keys.sort();
}

// ---------------------------------------------------------------------------------------------
// The scene: fresh for every cell.
// ---------------------------------------------------------------------------------------------
const ROLES = ["anonymous", "nonMember", "member", "otherMember", "author", "suspended", "moderator", "admin"] as const;
type Role = (typeof ROLES)[number];
type Outcome = "changes" | "unchanged" | "refused";

const unique = () => randomBytes(5).toString("hex");
const versions = (purpose: ConsentPurposeWithText) => ({ GRANTED: getConsentText(purpose, "GRANTED", "en").version, WITHDRAWN: getConsentText(purpose, "WITHDRAWN", "en").version });

async function person(options: { member?: boolean; role?: "MEMBER" | "MODERATOR" | "ADMIN" } = {}) {
  const token = unique();
  const member = options.member ?? true;
  return db().user.create({
    data: { email: `walk-${token}@example.test`, displayName: `Walker${token}`, isMember: member, memberSince: member ? new Date() : null, role: options.role ?? "MEMBER" },
    select: { id: true, email: true },
  });
}

async function scene() {
  const { setAlertSubscription } = await import("@/server/preferences/set-alert-subscription");
  const { openReviewItem } = await import("@/server/moderation/open-review-item");
  const category = await db().category.create({ data: { name: `Category ${unique()}`, slug: `category-${unique()}` }, select: { id: true } });
  const newProduct = () => {
    const token = unique();
    return db().product.create({ data: { categoryId: category.id, name: `Product ${token}`, sku: `WALK-${token.toUpperCase()}`, slug: `walk-product-${token}` }, select: { id: true, slug: true, sku: true } });
  };
  const [product, otherProduct, nonMember, member, otherMember, author, suspended, moderator, admin] = await Promise.all([
    newProduct(),
    newProduct(),
    person({ member: false }),
    person(),
    person(),
    person(),
    person(),
    person({ role: "MODERATOR" }),
    person({ role: "ADMIN" }),
  ]);
  await db().sanction.create({ data: { userId: suspended.id, kind: "SUSPENSION", reason: "Threats", createdById: admin.id } });
  const thread = await db().thread.create({
    data: {
      productId: product.id,
      authorId: author.id,
      kind: "QUESTION",
      title: `Walk thread ${unique()}`,
      slug: `walk-thread-${unique()}`,
      language: "en",
      replyCount: 2,
      posts: { create: { authorId: author.id, isOpening: true, depth: 0, bodyMarkdown: "Opening", bodyHtml: "<p>Opening</p>", language: "en" } },
    },
    select: { id: true, slug: true, posts: { select: { id: true } } },
  });
  const reply = (authorId: string) =>
    db().post.create({ data: { threadId: thread.id, authorId, depth: 1, bodyMarkdown: "A reply", bodyHtml: "<p>A reply</p>", language: "en" }, select: { id: true } });
  // otherMember answered the author's question; the author added a reply of their own.
  const [otherReply, authorReply] = [await reply(otherMember.id), await reply(author.id)];
  // A top-level reply is its own root (as replyToPost writes it).
  for (const { id } of [otherReply, authorReply]) await db().post.update({ where: { id }, data: { rootReplyId: id } });
  const otherThread = await db().thread.create({
    data: {
      productId: product.id,
      authorId: otherMember.id,
      kind: "QUESTION",
      title: `Walk duplicate ${unique()}`,
      slug: `walk-duplicate-${unique()}`,
      language: "en",
      posts: { create: { authorId: otherMember.id, isOpening: true, depth: 0, bodyMarkdown: "Same", bodyHtml: "<p>Same</p>", language: "en" } },
    },
    select: { id: true },
  });
  // The author's own things: a watched product (with e-mail), an unread notification.
  const watch = await setAlertSubscription({
    actor: { via: "session", userId: author.id },
    target: { type: "product", id: product.id },
    change: { level: "NEW_THREADS", email: true },
    source: "PRODUCT_PAGE",
    locale: "en",
    requestId: randomUUID(),
    textVersions: versions("PRODUCT_ALERTS"),
  });
  void watch;
  const subscription = await db().alertSubscription.findFirstOrThrow({ where: { userId: author.id, productId: product.id }, select: { id: true } });
  const [event] = await db().$queryRaw<{ id: bigint }[]>`
    INSERT INTO "NotificationEvent" ("kind", "threadId", "postId", "productId", "categoryId", "actorId")
    VALUES ('REPLY_POSTED', ${thread.id}, ${otherReply.id}, ${product.id}, ${category.id}, ${otherMember.id}) RETURNING "id"`;
  const notification = await db().notification.create({ data: { userId: author.id, eventId: event!.id, reason: "WATCHING_THREAD", threadId: thread.id, postId: otherReply.id }, select: { id: true } });
  const reviewItemId = await openReviewItem(db() as never, otherReply.id, "FLAGGED");
  const people = { nonMember, member, otherMember, author, suspended, moderator, admin };
  const actor: Record<Role, string | null> = { anonymous: null, ...Object.fromEntries(Object.entries(people).map(([role, p]) => [role, p.id])) } as Record<Role, string | null>;
  return {
    product,
    otherProduct,
    category,
    thread: { id: thread.id, slug: thread.slug, openingPostId: thread.posts[0]!.id },
    otherThreadId: otherThread.id,
    otherReplyId: otherReply.id,
    authorReplyId: authorReply.id,
    subscriptionId: subscription.id,
    notificationId: notification.id.toString(),
    /** Set by the rows that need one (a silenced author could not write anything else). */
    sanctionId: "",
    reviewItemId,
    people,
    actor,
  };
}
type Scene = Awaited<ReturnType<typeof scene>>;

// ---------------------------------------------------------------------------------------------
// How to call each one.
// ---------------------------------------------------------------------------------------------
const form = (fields: Record<string, string | string[] | undefined>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
};
type Action = (...args: unknown[]) => Promise<unknown>;
type Handler = (request: Request, context?: unknown) => Promise<Response>;
const APP = "https://help.shop.test";
const params = <T extends Record<string, string | string[]>>(value: T) => ({ params: Promise.resolve(value) });

async function shopRequest(url: string, method: "POST" | "PUT", payload: unknown) {
  const { signShopPayload } = await import("@/server/webhooks/verify-shop-signature");
  const { env } = await import("@/server/env");
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  return new Request(url, {
    method,
    body,
    headers: { "Content-Type": "application/json", "X-Entraide-Timestamp": String(timestamp), "X-Entraide-Signature": signShopPayload(body, env().SHOP_WEBHOOK_SECRET, timestamp) },
  });
}
const purchase = (s: Scene, email = `buyer-${unique()}@example.test`) => ({
  orderId: `ORD-${unique()}`,
  purchasedAt: new Date().toISOString(),
  customer: { email, name: "Camille Martin", locale: "en" },
  items: [{ sku: s.product.sku, quantity: 1 }],
});
const unsubscribeToken = async (s: Scene) => (await import("@/server/notifications/sign-unsubscribe-token")).signUnsubscribeToken(s.people.author.id, `product:${s.product.id}`);
const preferenceToken = async (s: Scene) => (await import("@/server/preferences/sign-preference-token")).signPreferenceToken(s.people.author.id);
const oneClick = (token: string, suffix = "") =>
  new Request(`${APP}/unsubscribe/${token}${suffix}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `198.51.100.${Math.floor(Math.random() * 250)}` } });

type Row = {
  /** Calls it as Next would, on the scene; the session is already set. */
  run: (s: Scene, call: Action & Handler) => Promise<unknown>;
  /** Done before the "before" fingerprint (e.g. an unsubscribe to undo). */
  prepare?: (s: Scene) => Promise<void>;
  expect: Record<Role, Outcome>;
};

// Expectation shorthands, in ROLES order.
const all = (outcome: Outcome): Record<Role, Outcome> => Object.fromEntries(ROLES.map((role) => [role, outcome])) as Record<Role, Outcome>;
const cells = (signedOut: Outcome, nonMember: Outcome, member: Outcome, otherMember: Outcome, author: Outcome, moderator: Outcome, admin: Outcome): Record<Role, Outcome> =>
  // A suspended member's session is nobody's: they get what the signed-out get.
  ({ anonymous: signedOut, nonMember, member, otherMember, author, suspended: signedOut, moderator, admin });
const signedIn = (outcome: Outcome) => cells("refused", outcome, outcome, outcome, outcome, outcome, outcome);
const members = (outcome: Outcome) => cells("refused", "refused", outcome, outcome, outcome, outcome, outcome);
const moderators = cells("refused", "refused", "refused", "refused", "refused", "changes", "changes");
const adminsOnly = cells("refused", "refused", "refused", "refused", "refused", "refused", "changes");
const methodNotAllowed: Row = { run: (_, call) => call(new Request(`${APP}/x`, { method: "PATCH" })), expect: all("refused") };
const options: Row = { run: (_, call) => call(new Request(`${APP}/x`, { method: "OPTIONS" })), expect: all("unchanged") };

const TABLE: Record<string, Row> = {
  // --- account ---
  "app/account/actions.ts#chooseLocaleAction": { run: (_, call) => call(null, form({ locale: "fr" })), expect: cells("unchanged", "changes", "changes", "changes", "changes", "changes", "changes") },
  "app/account/actions.ts#signOutAction": { run: (_, call) => call(), expect: all("unchanged") },
  "app/account/actions.ts#updateAccountAction": { run: (_, call) => call(null, form({ displayName: `Renamed ${unique()}`, locale: "fr" })), expect: signedIn("changes") },
  "app/account/actions.ts#setOwnerBadgeAction": {
    run: (_, call) => call(null, form({ show: "on", textVersion: String(getConsentText("OWNER_BADGE", "GRANTED", "en").version), locale: "en", source: "ACCOUNT_PAGE" })),
    expect: members("changes"),
  },
  "app/account/actions.ts#leaveCommunityAction": {
    run: (_, call) => call(null, form({ membershipTextVersion: String(getConsentText("COMMUNITY_MEMBERSHIP", "WITHDRAWN", "en").version), locale: "en", source: "ACCOUNT_PAGE" })),
    // Someone who is not a member has nothing to leave: the page says so, nothing is recorded.
    expect: cells("refused", "unchanged", "changes", "changes", "changes", "changes", "changes"),
  },
  "app/account/data/actions.ts#deleteAccountAction": {
    run: (_, call) => call(null, form({ posts: "keep-as-deleted-member", confirm: "yes", locale: "en", shownWithdrawal: [`COMMUNITY_MEMBERSHIP:${getConsentText("COMMUNITY_MEMBERSHIP", "WITHDRAWN", "en").version}`] })),
    expect: signedIn("changes"),
  },
  "app/account/data/export/route.ts#GET": { run: (_, call) => call(new Request(`${APP}/account/data/export`)), expect: signedIn("unchanged") },
  "app/account/preferences/actions.ts#setPersonalChannelAction": {
    run: (_, call) => call({ event: "REPLY_TO_MY_POST", channel: "email", on: true, locale: "en", textVersions: versions("PERSONAL_NOTIFICATIONS") }),
    expect: members("changes"),
  },
  "app/account/preferences/actions.ts#setEmailPausedAction": { run: (_, call) => call({ paused: true, locale: "en", textVersions: versions("ALERT_EMAIL") }), expect: signedIn("changes") },
  "app/account/preferences/actions.ts#setEmailDeliveryAction": { run: (_, call) => call({ frequency: "DAILY", digestHour: 7, digestWeekday: 2, timeZone: "Europe/Paris" }), expect: signedIn("changes") },
  "app/account/preferences/actions.ts#unsubscribeFromAllAction": {
    run: (_, call) => call({ locale: "en", textVersions: { PRODUCT_ALERTS: 1, CATEGORY_ALERTS: 1, THREAD_ALERTS: 1, PERSONAL_NOTIFICATIONS: 1 } }),
    // Only the author has an e-mail subscription to withdraw; the others' "nothing to stop" writes nothing.
    expect: cells("refused", "unchanged", "unchanged", "unchanged", "changes", "unchanged", "unchanged"),
  },
  "app/account/preferences/actions.ts#stopSubscriptionsAction": {
    // The author's subscription: anyone else's "stop" finds nothing of theirs to stop.
    run: (s, call) => call({ subscriptionIds: [s.subscriptionId], locale: "en", textVersions: { PRODUCT_ALERTS: 1 } }),
    expect: cells("refused", "unchanged", "unchanged", "unchanged", "changes", "unchanged", "unchanged"),
  },
  // --- development mailbox: no such message here, and off outside development ---
  "app/dev/mailbox/[id]/actions.ts#oneClickUnsubscribeAction": { run: (_, call) => call(`missing-${unique()}`, null), expect: all("refused") },
  // --- invitations and joining ---
  "app/invitation/actions.ts#declineInvitationAction": {
    // The signed token is the authority, whoever is signed in.
    run: async (s, call) => {
      const { POST } = (await importApp("app/api/webhooks/purchases/route.ts")) as { POST: Handler };
      const answer = (await (await POST(await shopRequest(`${APP}/api/webhooks/purchases`, "POST", purchase(s)))).json()) as { invitationUrl: string };
      return call(null, form({ token: answer.invitationUrl.split("/invitation/")[1]!, dontInviteAgain: "on" }));
    },
    expect: all("changes"),
  },
  "app/join/actions.ts#joinCommunityAction": {
    run: (_, call) => call(null, form({ community: "yes", communityTextVersion: "1", ownerBadgeTextVersion: "1", locale: "en" })),
    // Members are members already: joining again records nothing.
    expect: cells("refused", "changes", "unchanged", "unchanged", "unchanged", "unchanged", "unchanged"),
  },
  // --- moderation ---
  "app/moderation/members/actions.ts#warnMemberAction": { run: (s, call) => call(null, form({ memberId: s.people.author.id, reason: "Be kind" })), expect: moderators },
  "app/moderation/members/actions.ts#restrictMemberAction": { run: (s, call) => call(null, form({ memberId: s.people.author.id, kind: "SUSPENSION", reason: "Threats", duration: "1w" })), expect: moderators },
  "app/moderation/members/actions.ts#revokeSanctionAction": {
    prepare: async (s) => {
      s.sanctionId = (await db().sanction.create({ data: { userId: s.people.author.id, kind: "SILENCE", reason: "Insults", createdById: s.people.admin.id }, select: { id: true } })).id;
    },
    run: (s, call) => call(null, form({ sanctionId: s.sanctionId, memberId: s.people.author.id, reason: "Apologised" })), expect: moderators },
  "app/moderation/members/actions.ts#recordWithdrawalAction": { run: (s, call) => call(null, form({ memberId: s.people.author.id, what: "allEmail", reason: "Asked by e-mail" })), expect: moderators },
  "app/moderation/moderators/actions.ts#promoteModeratorAction": { run: (s, call) => call(null, form({ email: s.people.member.email })), expect: adminsOnly },
  "app/moderation/moderators/actions.ts#setRoleAction": { run: (s, call) => call(null, form({ memberId: s.people.otherMember.id, role: "MODERATOR" })), expect: adminsOnly },
  "app/moderation/queue/actions.ts#resolveReviewItemsAction": { run: (s, call) => call({ ids: [s.reviewItemId], decision: "hide", reason: "Spam link" }), expect: moderators },
  "app/moderation/queue/actions.ts#claimReviewItemAction": { run: (s, call) => call({ id: s.reviewItemId, claim: true }), expect: moderators },
  "app/moderation/queue/flag-actions.ts#flagPostAction": {
    // The author's opening post: anyone else who is a member may flag it, never its author.
    run: (s, call) => call(null, form({ postId: s.thread.openingPostId, reason: "SPAM" })),
    expect: cells("refused", "refused", "changes", "changes", "refused", "changes", "changes"),
  },
  "app/moderation/threads/actions.ts#lockThreadAction": { run: (s, call) => call(null, form({ threadId: s.thread.id, state: "on", reason: "Heated" })), expect: moderators },
  "app/moderation/threads/actions.ts#pinThreadAction": { run: (s, call) => call(null, form({ threadId: s.thread.id, state: "on", reason: "Useful" })), expect: moderators },
  "app/moderation/threads/actions.ts#moveThreadAction": { run: (s, call) => call(null, form({ threadId: s.thread.id, productSlug: s.otherProduct.slug, reason: "Wrong product" })), expect: moderators },
  "app/moderation/threads/actions.ts#mergeThreadAction": { run: (s, call) => call(null, form({ threadId: s.otherThreadId, target: s.thread.id, reason: "Duplicate" })), expect: moderators },
  "app/moderation/audit/export/route.ts#GET": {
    // The export is itself audited: a look changes the audit log.
    run: (_, call) => call(new NextRequest(`${APP}/moderation/audit/export`)),
    expect: moderators,
  },
  "app/moderation/ledger/export/route.ts#GET": {
    run: (s, call) => call(new NextRequest(`${APP}/moderation/ledger/export?member=${s.people.author.id}`)),
    expect: adminsOnly,
  },
  // --- notifications ---
  "app/notifications/actions.ts#markNotificationReadAction": {
    // The author's notification: anyone else's call touches none of their own rows.
    run: (s, call) => call({ notificationId: s.notificationId }),
    expect: cells("refused", "unchanged", "unchanged", "unchanged", "changes", "unchanged", "unchanged"),
  },
  "app/notifications/actions.ts#markAllNotificationsReadAction": { run: (_, call) => call(), expect: cells("refused", "unchanged", "unchanged", "unchanged", "changes", "unchanged", "unchanged") },
  "app/api/notifications/events/route.ts#GET": { run: (_, call) => call(new Request(`${APP}/api/notifications/events`, { signal: AbortSignal.timeout(2_000) })), expect: signedIn("unchanged") },
  "app/api/notifications/events/route.ts#HEAD": { run: (_, call) => call(new Request(`${APP}/api/notifications/events`, { method: "HEAD" })), expect: signedIn("unchanged") },
  "app/api/notifications/events/route.ts#OPTIONS": options,
  "app/api/notifications/events/route.ts#POST": methodNotAllowed,
  "app/api/notifications/events/route.ts#PUT": methodNotAllowed,
  "app/api/notifications/events/route.ts#PATCH": methodNotAllowed,
  "app/api/notifications/events/route.ts#DELETE": methodNotAllowed,
  // --- discussions ---
  "app/p/[slug]/ask/actions.ts#askAction": { run: (s, call) => call(null, form({ productSlug: s.product.slug, kind: "TIP", title: "Wash it inside out, it lasts", body: "Trust me.", language: "en" })), expect: members("changes") },
  "app/t/[id]/[slug]/actions.ts#replyAction": { run: (s, call) => call(null, form({ threadId: s.thread.id, body: "Me too, thanks." })), expect: members("changes") },
  "app/t/[id]/[slug]/actions.ts#editPostAction": {
    run: (s, call) => call(null, form({ postId: s.thread.openingPostId, title: "Can I wash the cover at 60 °C, really?", body: "Edited opening text" })),
    expect: cells("refused", "refused", "refused", "refused", "changes", "refused", "refused"),
  },
  "app/t/[id]/[slug]/actions.ts#deletePostAction": {
    run: (s, call) => call(null, form({ postId: s.authorReplyId })),
    expect: cells("refused", "refused", "refused", "refused", "changes", "changes", "changes"),
  },
  "app/t/[id]/[slug]/actions.ts#acceptAnswerAction": {
    // otherMember's answer to the author's question: the asker (or a moderator) accepts it.
    run: (s, call) => call(null, form({ postId: s.otherReplyId })),
    expect: cells("refused", "refused", "refused", "refused", "changes", "changes", "changes"),
  },
  "app/t/[id]/[slug]/actions.ts#unacceptAnswerAction": {
    prepare: async (s) => {
      await db().thread.update({ where: { id: s.thread.id }, data: { acceptedPostId: s.otherReplyId } });
    },
    run: (s, call) => call(null, form({ postId: s.otherReplyId })),
    expect: cells("refused", "refused", "refused", "refused", "changes", "changes", "changes"),
  },
  "app/t/[id]/[slug]/reaction-actions.ts#setPostVoteAction": {
    run: (s, call) => call({ postId: s.authorReplyId, helpful: true }),
    expect: cells("refused", "refused", "changes", "changes", "refused", "changes", "changes"),
  },
  "app/t/[id]/[slug]/reaction-actions.ts#setMeTooAction": {
    run: (s, call) => call({ threadId: s.thread.id, meToo: true }),
    expect: cells("refused", "refused", "changes", "changes", "refused", "changes", "changes"),
  },
  "app/api/similar-questions/route.ts#GET": { run: (_, call) => call(new Request(`${APP}/api/similar-questions?title=wash+cover`)), expect: all("unchanged") },
  "app/api/similar-questions/route.ts#OPTIONS": options,
  "app/api/similar-questions/route.ts#POST": methodNotAllowed,
  "app/api/similar-questions/route.ts#PUT": methodNotAllowed,
  "app/api/similar-questions/route.ts#PATCH": methodNotAllowed,
  "app/api/similar-questions/route.ts#DELETE": methodNotAllowed,
  "app/api/threads/[id]/events/route.ts#GET": {
    run: (s, call) => call(new Request(`${APP}/api/threads/${s.thread.id}/events`, { signal: AbortSignal.timeout(2_000) }), params({ id: s.thread.id })),
    expect: all("unchanged"),
  },
  "app/api/threads/[id]/events/route.ts#HEAD": { run: (s, call) => call(new Request(`${APP}/api/threads/${s.thread.id}/events`, { method: "HEAD" }), params({ id: s.thread.id })), expect: all("unchanged") },
  "app/api/threads/[id]/events/route.ts#OPTIONS": options,
  "app/api/threads/[id]/events/route.ts#POST": methodNotAllowed,
  "app/api/threads/[id]/events/route.ts#PUT": methodNotAllowed,
  "app/api/threads/[id]/events/route.ts#PATCH": methodNotAllowed,
  "app/api/threads/[id]/events/route.ts#DELETE": methodNotAllowed,
  // --- preference links and alerts ---
  "app/preferences/[token]/actions.ts#stopSubscriptionsByLinkAction": {
    // The author's signed link is the authority, whoever is signed in on that browser.
    run: async (s, call) => call({ token: await preferenceToken(s), subscriptionIds: "all", locale: "en", textVersions: { PRODUCT_ALERTS: 1 } }),
    expect: all("changes"),
  },
  "app/preferences/[token]/actions.ts#lowerSubscriptionByLinkAction": {
    run: async (s, call) => call({ token: await preferenceToken(s), targetType: "product", targetId: s.product.id, email: false, locale: "en", textVersions: versions("PRODUCT_ALERTS") }),
    expect: all("changes"),
  },
  "app/preferences/[token]/actions.ts#turnOffPersonalEmailByLinkAction": {
    prepare: async (s) => {
      const { setPersonalEventChannel } = await import("@/server/preferences/set-personal-event-channel");
      await setPersonalEventChannel({ actor: { via: "session", userId: s.people.author.id }, event: "MENTION", channel: "email", on: true, source: "PREFERENCE_CENTER", locale: "en", requestId: randomUUID(), textVersions: versions("PERSONAL_NOTIFICATIONS") });
    },
    run: async (s, call) => call({ token: await preferenceToken(s), event: "MENTION", locale: "en", textVersions: versions("PERSONAL_NOTIFICATIONS") }),
    expect: all("changes"),
  },
  "app/preferences/[token]/actions.ts#pauseEmailByLinkAction": { run: async (s, call) => call({ token: await preferenceToken(s), locale: "en", textVersions: versions("ALERT_EMAIL") }), expect: all("changes") },
  "app/preferences/[token]/actions.ts#unsubscribeFromAllByLinkAction": {
    run: async (s, call) => call({ token: await preferenceToken(s), locale: "en", textVersions: { PRODUCT_ALERTS: 1, CATEGORY_ALERTS: 1, THREAD_ALERTS: 1, PERSONAL_NOTIFICATIONS: 1 } }),
    expect: all("changes"),
  },
  "app/preferences/alert-actions.ts#setAlertSubscriptionAction": {
    run: (s, call) => call({ targetType: "product", targetId: s.otherProduct.id, level: "NEW_THREADS", source: "PRODUCT_PAGE", locale: "en", textVersions: versions("PRODUCT_ALERTS") }),
    expect: members("changes"),
  },
  "app/unsubscribe/[token]/route.ts#GET": { run: async (s, call) => { const token = await unsubscribeToken(s); return call(new Request(`${APP}/unsubscribe/${token}`), params({ token })); }, expect: all("unchanged") },
  "app/unsubscribe/[token]/route.ts#HEAD": {
    run: async (s, call) => { const token = await unsubscribeToken(s); return call(new Request(`${APP}/unsubscribe/${token}`, { method: "HEAD" }), params({ token })); },
    expect: all("unchanged"),
  },
  "app/unsubscribe/[token]/route.ts#POST": { run: async (s, call) => { const token = await unsubscribeToken(s); return call(oneClick(token), params({ token })); }, expect: all("changes") },
  "app/unsubscribe/[token]/route.ts#OPTIONS": options,
  "app/unsubscribe/[token]/route.ts#PUT": methodNotAllowed,
  "app/unsubscribe/[token]/route.ts#PATCH": methodNotAllowed,
  "app/unsubscribe/[token]/route.ts#DELETE": methodNotAllowed,
  "app/unsubscribe/[token]/undo/route.ts#POST": {
    prepare: async (s) => {
      const { POST } = (await importApp("app/unsubscribe/[token]/route.ts")) as { POST: Handler };
      const token = await unsubscribeToken(s);
      expect((await POST(oneClick(token), params({ token }))).status).toBe(200);
    },
    run: async (s, call) => { const token = await unsubscribeToken(s); return call(oneClick(token, "/undo"), params({ token })); },
    expect: all("changes"),
  },
  "app/unsubscribe/[token]/undo/route.ts#OPTIONS": options,
  "app/unsubscribe/[token]/undo/route.ts#GET": methodNotAllowed,
  "app/unsubscribe/[token]/undo/route.ts#HEAD": methodNotAllowed,
  "app/unsubscribe/[token]/undo/route.ts#PUT": methodNotAllowed,
  "app/unsubscribe/[token]/undo/route.ts#PATCH": methodNotAllowed,
  "app/unsubscribe/[token]/undo/route.ts#DELETE": methodNotAllowed,
  // --- shop webhooks: the signature is the authority, never a session ---
  "app/api/webhooks/purchases/route.ts#POST": { run: async (s, call) => call(await shopRequest(`${APP}/api/webhooks/purchases`, "POST", purchase(s))), expect: all("changes") },
  "app/api/webhooks/purchases/route.ts#OPTIONS": options,
  "app/api/webhooks/purchases/route.ts#GET": methodNotAllowed,
  "app/api/webhooks/purchases/route.ts#HEAD": methodNotAllowed,
  "app/api/webhooks/purchases/route.ts#PUT": methodNotAllowed,
  "app/api/webhooks/purchases/route.ts#PATCH": methodNotAllowed,
  "app/api/webhooks/purchases/route.ts#DELETE": methodNotAllowed,
  "app/api/webhooks/products/route.ts#PUT": {
    run: async (_, call) => call(await shopRequest(`${APP}/api/webhooks/products`, "PUT", { products: [{ sku: `WALK-NEW-${unique()}`, name: "A new product", category: "Walk" }] })),
    expect: all("changes"),
  },
  "app/api/webhooks/products/route.ts#OPTIONS": options,
  "app/api/webhooks/products/route.ts#GET": methodNotAllowed,
  "app/api/webhooks/products/route.ts#HEAD": methodNotAllowed,
  "app/api/webhooks/products/route.ts#POST": methodNotAllowed,
  "app/api/webhooks/products/route.ts#PATCH": methodNotAllowed,
  "app/api/webhooks/products/route.ts#DELETE": methodNotAllowed,
  // --- next-auth: sessions never change who may do what here; a POST without its CSRF token changes nothing ---
  "app/api/auth/[...nextauth]/route.ts#GET": {
    run: (_, call) => call(new NextRequest(`${APP}/api/auth/providers`), params({ nextauth: ["providers"] })),
    expect: all("unchanged"),
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    run: (s, call) =>
      call(
        new NextRequest(`${APP}/api/auth/signin/email`, {
          method: "POST",
          body: new URLSearchParams({ email: s.people.member.email }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        }),
        params({ nextauth: ["signin", "email"] }),
      ),
    expect: all("unchanged"),
  },
};

// ---------------------------------------------------------------------------------------------

type Observed = { outcome: Outcome | "error"; detail: string };

/** What the answer says: ok or refused, from an ActionResult, a thrown redirect or a Response. */
async function classify(run: () => Promise<unknown>): Promise<{ accepted: boolean | "error"; detail: string }> {
  try {
    const value = await run();
    if (value instanceof Response) {
      const status = value.status;
      // Reads every finite body (an export is audited as it streams); an event stream is let go.
      if (value.headers.get("content-type")?.startsWith("text/event-stream")) await value.body?.cancel();
      else await value.text();
      return { accepted: status < 400, detail: `HTTP ${status}` };
    }
    if (value && typeof value === "object" && "ok" in value) {
      const result = value as { ok: boolean; formError?: string; fieldErrors?: unknown };
      return { accepted: result.ok, detail: JSON.stringify(result).slice(0, 300) };
    }
    return { accepted: true, detail: String(value) };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      const to = digest.split(";")[2] ?? "";
      return { accepted: !to.startsWith("/signin"), detail: `redirect ${to}` };
    }
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { accepted: false, detail: "notFound()" };
    return { accepted: "error", detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/**
 * A scene nothing has changed since it was made is as good as a fresh one: the next cell reuses
 * it (about half the cells are refusals or reads, and making a scene is most of a cell's time).
 */
let untouched: { scene: Scene; fingerprint: Record<string, string> } | null = null;

async function observe(key: string, row: Row, role: Role): Promise<Observed> {
  const [file, name] = key.split("#") as [string, string];
  const target = (await importApp(file))[name] as Action & Handler;
  const reused = !row.prepare && untouched ? untouched : null;
  untouched = null;
  const s = reused?.scene ?? (await scene());
  await row.prepare?.(s);
  session.userId = s.actor[role];
  const before = reused?.fingerprint ?? (await fingerprint());
  const { accepted, detail } = await classify(() => row.run(s, target));
  session.userId = null;
  if (accepted === "error") return { outcome: "error", detail };
  const after = await fingerprint();
  const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
  if (!changed.length && !row.prepare) untouched = { scene: s, fingerprint: after };
  if (!accepted) return { outcome: "refused", detail: changed.length ? `${detail}; but changed ${changed.join(", ")}` : detail };
  return { outcome: changed.length ? "changes" : "unchanged", detail: `${detail}; changed ${changed.join(", ") || "nothing"}` };
}

describe("authorization walk: every server action and route handler × every role", () => {
  it("finds the actions and routes, and every one has a row (and every row still exists)", async () => {
    const found = await discover();
    expect(actionFiles.length).toBeGreaterThanOrEqual(15);
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
    expect(found.filter((key) => !(key in TABLE)), "actions or routes without a row in TABLE").toEqual([]);
    expect(Object.keys(TABLE).filter((key) => !found.includes(key)), "rows for actions or routes that no longer exist").toEqual([]);
  });

  const entries = Object.entries(TABLE).flatMap(([key, row]) => ROLES.map((role) => ({ key, role, row, expected: row.expect[role] })));
  it.each(entries)("$key × $role → $expected", async ({ key, role, row, expected }) => {
    const observed = await observe(key, row, role);
    // A refusal that wrote anything shows up here as its detail ("but changed …").
    expect(observed.outcome === "refused" && observed.detail.includes("but changed") ? `refused, ${observed.detail}` : observed.outcome, observed.detail).toBe(expected);
  });
});
