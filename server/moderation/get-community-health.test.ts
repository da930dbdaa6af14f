import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrations/apply-migrations";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { getCommunityHealth } from "./get-community-health";

// Its own database: every number is a count over the whole community, so only this fixture world
// may be in it.
const url = databaseUrlFor(process.env.ENTRAIDE_TEST_SERVER_URL ?? process.env.DATABASE_URL!, `entraide_health_${randomBytes(4).toString("hex")}`);
const savedEnv = { ...process.env };
const holder = globalThis as unknown as { entraidePrisma?: unknown };

// Wednesday 18 March 2026: with 4 weeks the window is the ISO weeks of Mondays 23 Feb, 2, 9, 16 March.
const NOW = new Date("2026-03-18T12:00:00Z");
const at = (iso: string) => new Date(`${iso}Z`);

type World = { moderatorId: string; memberId: string };
let world: World;

async function person(options: { member?: boolean; role?: "MEMBER" | "MODERATOR"; deleted?: boolean; purchase?: string } = {}) {
  const token = uniqueToken();
  return db().user.create({
    data: {
      email: `health-${token}@example.test`,
      displayName: `Health${token}`,
      isMember: options.member ?? false,
      role: options.role ?? "MEMBER",
      deletedAt: options.deleted ? new Date() : null,
      purchases: options.purchase ? { create: { orderId: `ORDER-${token}`, productId: options.purchase, quantity: 1, purchasedAt: at("2026-01-05T10:00:00") } } : undefined,
    },
    select: { id: true },
  });
}

async function buildWorld(): Promise<World> {
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, `Heron router ${uniqueToken()}`);

  // Membership: customers A, B (C is deleted); members Q, W1, W2, V, Z, A, D.
  const moderator = await person({ role: "MODERATOR" });
  const member = () => person({ member: true });
  const [q, w1, w2, v, z, d] = await Promise.all([member(), member(), member(), member(), member(), member()]);
  await person({ member: true, purchase: product.id }); // A
  await person({ purchase: product.id }); // B
  await person({ member: true, deleted: true, purchase: product.id }); // C

  let slug = 0;
  async function thread(authorId: string, createdAt: string, options: { kind?: "QUESTION" | "TIP"; deleted?: boolean; mergedIntoId?: string } = {}) {
    const created = db().thread.create({
      data: {
        productId: product.id,
        authorId,
        kind: options.kind ?? "QUESTION",
        title: `Question ${(slug += 1)}`,
        slug: `question-${slug}`,
        language: "en",
        createdAt: at(createdAt),
        deletedAt: options.deleted ? at(createdAt) : null,
        mergedIntoId: options.mergedIntoId ?? null,
        posts: { create: { authorId, isOpening: true, depth: 0, bodyMarkdown: "Help", bodyHtml: "<p>Help</p>", language: "en", createdAt: at(createdAt) } },
      },
      select: { id: true, posts: { select: { id: true } } },
    });
    const row = await created;
    return { id: row.id, openingId: row.posts[0]!.id };
  }
  async function reply(threadId: string, authorId: string, createdAt: string, options: { deleted?: boolean; hidden?: boolean; accepted?: boolean } = {}) {
    const post = await db().post.create({
      data: {
        threadId,
        authorId,
        depth: 1,
        bodyMarkdown: "Try this",
        bodyHtml: "<p>Try this</p>",
        language: "en",
        createdAt: at(createdAt),
        deletedAt: options.deleted ? at(createdAt) : null,
        visibility: options.hidden ? "HIDDEN" : "VISIBLE",
      },
      select: { id: true },
    });
    if (options.accepted) await db().thread.update({ where: { id: threadId }, data: { acceptedPostId: post.id } });
    return post;
  }

  // Questions. Week of 23 Feb: q1 (first answer 2 h, solved by an answer posted at 4 h; the
  // author's own reply does not count), q2 (a deleted reply at 1 h, first answer 6 h, unsolved).
  const q1 = await thread(q.id, "2026-02-23T10:00:00");
  await reply(q1.id, q.id, "2026-02-23T11:00:00");
  await reply(q1.id, w1.id, "2026-02-23T12:00:00");
  const accepted1 = await reply(q1.id, w2.id, "2026-02-23T14:00:00", { accepted: true });
  const q2 = await thread(q.id, "2026-02-24T10:00:00");
  await reply(q2.id, w1.id, "2026-02-24T11:00:00", { deleted: true });
  await reply(q2.id, w2.id, "2026-02-24T16:00:00");
  // Not questions that count: a tip, a deleted question, a duplicate merged into q1.
  await thread(q.id, "2026-02-25T10:00:00", { kind: "TIP" });
  await thread(q.id, "2026-02-25T11:00:00", { deleted: true });
  await thread(q.id, "2026-02-25T12:00:00", { mergedIntoId: q1.id });
  // Week of 2 March: q3 (answered at 1 h by W2, further down). Week of 16 March: q4, a hidden reply at 1 h, then the first
  // visible answer at 10 h, accepted.
  const q3 = await thread(q.id, "2026-03-02T09:00:00");
  const q4 = await thread(q.id, "2026-03-16T08:00:00");
  await reply(q4.id, w1.id, "2026-03-16T09:00:00", { hidden: true });
  await reply(q4.id, w1.id, "2026-03-16T18:00:00", { accepted: true });
  // Before the window: Z's question.
  const q0 = await thread(z.id, "2026-02-20T10:00:00");

  // Helpful votes: V in the weeks of 2 and 9 March, W1 in the week of 9 March.
  await db().postVote.createMany({
    data: [
      { postId: accepted1.id, userId: v.id, createdAt: at("2026-03-03T10:00:00") },
      { postId: q3.openingId, userId: v.id, createdAt: at("2026-03-10T10:00:00") },
      { postId: q3.openingId, userId: w1.id, createdAt: at("2026-03-10T11:00:00") },
      { postId: q0.openingId, userId: z.id, createdAt: at("2026-02-21T10:00:00") },
    ],
  });

  // The ledger (rows written directly with their dates; one stored text serves them all).
  const text = await db().consentText.create({
    data: { purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", version: 999, locale: "en", body: "Health test", sha256: "0".repeat(64) },
    select: { id: true },
  });
  type Row = { purpose: "COMMUNITY_MEMBERSHIP" | "PRODUCT_ALERTS" | "CATEGORY_ALERTS" | "PERSONAL_NOTIFICATIONS" | "ALERT_EMAIL"; action: "GRANTED" | "WITHDRAWN"; source?: "JOIN_PAGE" | "EMAIL_ONE_CLICK" | "PREFERENCE_CENTER"; scope?: string; occurredAt: string };
  const ledger = (rows: Row[]) =>
    db().consentEvent.createMany({
      data: rows.map((row) => ({
        subjectId: d.id,
        purpose: row.purpose,
        action: row.action,
        scope: row.scope ?? null,
        consentTextId: text.id,
        textVersion: 999,
        textSha256: "0".repeat(64),
        locale: "en" as const,
        source: row.source ?? "JOIN_PAGE",
        channel: row.source === "EMAIL_ONE_CLICK" ? ("EMAIL" as const) : ("WEB" as const),
        requestId: uniqueToken(),
        occurredAt: at(row.occurredAt),
      })),
    });
  await ledger([
    // Joins and leaves: 2 joins in the week of 23 Feb, 1 leave in the week of 9 March, 1 join at
    // the very start of the week of 16 March; one join before the window; an alert grant (not a join).
    { purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", occurredAt: "2026-02-24T09:00:00" },
    { purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", occurredAt: "2026-03-01T23:59:59" },
    { purpose: "COMMUNITY_MEMBERSHIP", action: "WITHDRAWN", occurredAt: "2026-03-10T09:00:00" },
    { purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", occurredAt: "2026-03-16T00:00:00" },
    { purpose: "COMMUNITY_MEMBERSHIP", action: "GRANTED", occurredAt: "2026-02-22T23:59:59" },
    { purpose: "PRODUCT_ALERTS", action: "GRANTED", scope: product.id, occurredAt: "2026-03-03T09:00:00" },
    // One-click unsubscribes: a product list, the mention list, the digest, a category list (no
    // e-mail sent from it in the window). Not unsubscribes: the undo (a grant), a withdrawal made
    // in the preference center, a one-click before the window.
    { purpose: "PRODUCT_ALERTS", action: "WITHDRAWN", source: "EMAIL_ONE_CLICK", scope: product.id, occurredAt: "2026-03-04T09:00:00" },
    { purpose: "PERSONAL_NOTIFICATIONS", action: "WITHDRAWN", source: "EMAIL_ONE_CLICK", scope: "MENTION", occurredAt: "2026-03-05T09:00:00" },
    { purpose: "ALERT_EMAIL", action: "WITHDRAWN", source: "EMAIL_ONE_CLICK", occurredAt: "2026-03-06T09:00:00" },
    { purpose: "CATEGORY_ALERTS", action: "WITHDRAWN", source: "EMAIL_ONE_CLICK", scope: category.id, occurredAt: "2026-03-07T09:00:00" },
    { purpose: "PRODUCT_ALERTS", action: "GRANTED", source: "EMAIL_ONE_CLICK", scope: product.id, occurredAt: "2026-03-04T09:01:00" },
    { purpose: "PRODUCT_ALERTS", action: "WITHDRAWN", source: "PREFERENCE_CENTER", scope: product.id, occurredAt: "2026-03-04T10:00:00" },
    { purpose: "PRODUCT_ALERTS", action: "WITHDRAWN", source: "EMAIL_ONE_CLICK", scope: product.id, occurredAt: "2026-02-01T10:00:00" },
  ]);

  // E-mails: 4 product e-mails and 2 mention e-mails sent in the window, one digest sent in the
  // window holding a thread e-mail (counted as the digest, not as the thread list); not sent: a
  // product e-mail before the window, one pending.
  const event = await db().notificationEvent.create({
    data: { kind: "THREAD_CREATED", threadId: q1.id, postId: q1.openingId, productId: product.id, categoryId: category.id, actorId: q.id },
    select: { id: true },
  });
  const recipients = await Promise.all(Array.from({ length: 9 }, () => person()));
  const digest = await db().digest.create({
    data: { userId: recipients[0]!.id, frequency: "DAILY", dueAt: at("2026-03-03T08:00:00"), status: "SENT", sentAt: at("2026-03-03T08:00:05") },
    select: { id: true },
  });
  const product_ = `product:${product.id}`;
  const deliveries: { listKey: string; status: "SENT" | "PENDING"; sentAt: string | null; digestId?: bigint }[] = [
    { listKey: product_, status: "SENT", sentAt: "2026-02-23T00:00:00" },
    { listKey: product_, status: "SENT", sentAt: "2026-02-27T10:00:00" },
    { listKey: product_, status: "SENT", sentAt: "2026-03-05T10:00:00" },
    { listKey: product_, status: "SENT", sentAt: "2026-03-18T10:00:00" },
    { listKey: "personal:MENTION", status: "SENT", sentAt: "2026-03-02T10:00:00" },
    { listKey: "personal:MENTION", status: "SENT", sentAt: "2026-03-03T10:00:00" },
    { listKey: `thread:${q1.id}`, status: "SENT", sentAt: "2026-03-03T08:00:05", digestId: digest.id },
    { listKey: product_, status: "SENT", sentAt: "2026-02-22T23:00:00" },
    { listKey: product_, status: "PENDING", sentAt: null },
  ];
  await db().emailDelivery.createMany({
    data: deliveries.map((delivery, index) => ({
      userId: recipients[index]!.id,
      eventId: event.id,
      reason: "WATCHING_PRODUCT" as const,
      listKey: delivery.listKey,
      status: delivery.status,
      sentAt: delivery.sentAt ? at(delivery.sentAt) : null,
      digestId: delivery.digestId ?? null,
    })),
  });

  // Review items (opened → resolved): r1 2 h and r7 144 h resolved in the week of 23 Feb, r2
  // 144 h resolved in the week of 2 March, r3 312 h resolved in the week of 16 March; r4 and r5
  // still open; r6 entirely before the window.
  const posts = [q1.openingId, q2.openingId, q3.openingId, q4.openingId, q0.openingId, accepted1.id, (await reply(q3.id, w2.id, "2026-03-02T10:00:00")).id];
  const reviews: { openedAt: string; resolvedAt?: string }[] = [
    { openedAt: "2026-02-24T10:00:00", resolvedAt: "2026-02-24T12:00:00" },
    { openedAt: "2026-02-25T00:00:00", resolvedAt: "2026-03-03T00:00:00" },
    { openedAt: "2026-03-04T00:00:00", resolvedAt: "2026-03-17T00:00:00" },
    { openedAt: "2026-03-10T00:00:00" },
    { openedAt: "2026-02-10T00:00:00" },
    { openedAt: "2026-02-01T00:00:00", resolvedAt: "2026-02-02T00:00:00" },
    { openedAt: "2026-02-20T00:00:00", resolvedAt: "2026-02-26T00:00:00" },
  ];
  await db().reviewItem.createMany({
    data: reviews.map((review, index) => ({
      postId: posts[index]!,
      kind: "FLAGGED" as const,
      status: review.resolvedAt ? ("APPROVED" as const) : ("OPEN" as const),
      openedAt: at(review.openedAt),
      resolvedAt: review.resolvedAt ? at(review.resolvedAt) : null,
      resolvedById: review.resolvedAt ? moderator.id : null,
    })),
  });

  return { moderatorId: moderator.id, memberId: q.id };
}

beforeAll(async () => {
  await ensureDatabase(url);
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  holder.entraidePrisma = undefined;
  world = await buildWorld();
}, 60_000);

afterAll(async () => {
  await db().$disconnect();
  holder.entraidePrisma = undefined;
  process.env = savedEnv;
  await dropDatabase(url);
});

describe("getCommunityHealth", () => {
  it("computes every metric of the fixture world exactly over a 4-week window", async () => {
    const health = await getCommunityHealth(world.moderatorId, { weeks: 4, now: NOW });
    expect(health.weeks).toBe(4);
    expect(health.firstWeek).toBe("2026-02-23");
    expect(health.lastWeek).toBe("2026-03-16");

    expect(health.membership).toEqual({ customers: 2, memberCustomers: 1, members: 7, optInRate: 0.5 });

    expect(health.joinsLeaves).toEqual([
      { week: "2026-02-23", joins: 2, leaves: 0 },
      { week: "2026-03-02", joins: 0, leaves: 0 },
      { week: "2026-03-09", joins: 0, leaves: 1 },
      { week: "2026-03-16", joins: 1, leaves: 0 },
    ]);

    expect(health.unsubscribes).toEqual([
      { list: "category", sent: 0, unsubscribed: 1, rate: null },
      { list: "digest", sent: 1, unsubscribed: 1, rate: 1 },
      { list: "personal:MENTION", sent: 2, unsubscribed: 1, rate: 0.5 },
      { list: "product", sent: 4, unsubscribed: 1, rate: 0.25 },
    ]);

    expect(health.questions.weeks).toEqual([
      { week: "2026-02-23", asked: 2, answered: 2, solved: 1, medianHoursToFirstAnswer: 4, medianHoursToSolution: 4 },
      { week: "2026-03-02", asked: 1, answered: 1, solved: 0, medianHoursToFirstAnswer: 1, medianHoursToSolution: null },
      { week: "2026-03-09", asked: 0, answered: 0, solved: 0, medianHoursToFirstAnswer: null, medianHoursToSolution: null },
      { week: "2026-03-16", asked: 1, answered: 1, solved: 1, medianHoursToFirstAnswer: 10, medianHoursToSolution: 10 },
    ]);
    expect(health.questions.overall).toEqual({ asked: 4, answered: 4, solved: 2, medianHoursToFirstAnswer: 4, medianHoursToSolution: 7 });

    // 23 Feb: Q, W1, W2 · 2 March: Q (q3), W2 (its reply), V (vote) · 9 March: V, W1 (votes) ·
    // 16 March: Q, W1. Z only acted before the window.
    expect(health.activeMembers).toEqual({
      weeks: [
        { week: "2026-02-23", active: 3 },
        { week: "2026-03-02", active: 3 },
        { week: "2026-03-09", active: 2 },
        { week: "2026-03-16", active: 2 },
      ],
      overall: 4,
    });

    expect(health.review).toEqual({
      openNow: 2,
      medianReviewHours: 144,
      weeks: [
        { week: "2026-02-23", opened: 2, resolved: 2, queueAtEnd: 2, medianReviewHours: 73 },
        { week: "2026-03-02", opened: 1, resolved: 1, queueAtEnd: 2, medianReviewHours: 144 },
        { week: "2026-03-09", opened: 1, resolved: 0, queueAtEnd: 3, medianReviewHours: null },
        { week: "2026-03-16", opened: 0, resolved: 1, queueAtEnd: 2, medianReviewHours: 312 },
      ],
    });
  });

  it("widens to 12 weeks: every week listed, earlier rows counted", async () => {
    const health = await getCommunityHealth(world.moderatorId, { weeks: 12, now: NOW });
    expect(health.firstWeek).toBe("2025-12-29");
    expect(health.joinsLeaves).toHaveLength(12);
    expect(health.joinsLeaves.reduce((sum, week) => sum + week.joins, 0)).toBe(4);
    expect(health.questions.overall.asked).toBe(5);
    expect(health.activeMembers.overall).toBe(5);
    expect(health.review.weeks.map((week) => week.opened).reduce((a, b) => a + b, 0)).toBe(7);
    // The week before r6 was opened (19 Jan): an empty queue; r6's week (26 Jan, opened Sunday 1 Feb).
    expect(health.review.weeks[3]).toEqual({ week: "2026-01-19", opened: 0, resolved: 0, queueAtEnd: 0, medianReviewHours: null });
    expect(health.review.weeks[4]).toEqual({ week: "2026-01-26", opened: 1, resolved: 0, queueAtEnd: 1, medianReviewHours: null });
  });

  it("needs health.view: a member is refused, signed out must sign in", async () => {
    await expect(getCommunityHealth(world.memberId, { weeks: 4, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCommunityHealth(null, { weeks: 4, now: NOW })).rejects.toMatchObject({ code: "SIGN_IN_REQUIRED" });
  });
});
