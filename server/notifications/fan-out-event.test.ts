import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { acceptAnswer } from "@/server/discussions/accept-answer";
import { createThread } from "@/server/discussions/create-thread";
import { editPost } from "@/server/discussions/edit-post";
import { replyToPost } from "@/server/discussions/reply-to-post";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { fanOutEvent } from "./fan-out-event";
import { NOTIFICATIONS_LIVE_CHANNEL as NOTIFICATIONS_CHANNEL } from "./notifications-live-channel";

type Level = "EVERYTHING" | "NEW_THREADS" | "NORMAL" | "MUTED";
type Target = { productId: string } | { categoryId: string } | { threadId: string };

async function createWorld() {
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, `Product ${uniqueToken()}`);
  return { category, product };
}

function watch(userId: string, target: Target, level: Level, channels: { inApp?: boolean; email?: boolean } = {}) {
  return db().alertSubscription.create({
    data: { userId, ...target, level, inApp: channels.inApp ?? true, email: channels.email ?? false, source: "PRODUCT_PAGE" },
    select: { id: true },
  });
}

const mention = (writer: { displayName: string | null }) => `@${writer.displayName}`;

async function eventFor(postId: string, kind: "THREAD_CREATED" | "REPLY_POSTED" | "ANSWER_ACCEPTED" | "MENTIONED_IN_EDIT") {
  return db().notificationEvent.findFirstOrThrow({ where: { postId, kind }, orderBy: { id: "desc" } });
}

async function inAppReasons(eventId: bigint): Promise<Record<string, string>> {
  const rows = await db().notification.findMany({ where: { eventId }, select: { userId: true, reason: true } });
  return Object.fromEntries(rows.map((row) => [row.userId, row.reason]));
}

async function emailRows(eventId: bigint) {
  const rows = await db().emailDelivery.findMany({ where: { eventId }, select: { userId: true, reason: true, listKey: true, frequency: true, dueAt: true, status: true } });
  return new Map(rows.map((row) => [row.userId, row]));
}

describe("fanOutEvent: a new thread", () => {
  it("reaches product/category watchers at New threads or Everything, members only, never the author, Muted winning", async () => {
    const { category, product } = await createWorld();
    const [author, productAll, productNew, productNormal, categoryNew, mutedProduct, mutedCategory, nonMember, deleted, mentioned] = await Promise.all([
      createWriter(), createWriter(), createWriter(), createWriter(), createWriter(), createWriter(), createWriter(),
      createWriter({ member: false }), createWriter(), createWriter(),
    ]);
    // A customer who only bought the product (never joined) and watches nothing: nothing, ever.
    const buyer = await db().user.create({
      data: { email: `buyer-${uniqueToken()}@example.test`, purchases: { create: { orderId: `O-${uniqueToken()}`, productId: product.id, quantity: 1, purchasedAt: new Date() } } },
      select: { id: true },
    });
    await Promise.all([
      watch(author.id, { productId: product.id }, "EVERYTHING"),
      watch(productAll.id, { productId: product.id }, "EVERYTHING"),
      watch(productNew.id, { productId: product.id }, "NEW_THREADS", { email: true }),
      watch(productNormal.id, { productId: product.id }, "NORMAL", { email: true }),
      watch(categoryNew.id, { categoryId: category.id }, "NEW_THREADS"),
      watch(mutedProduct.id, { categoryId: category.id }, "EVERYTHING"),
      watch(mutedProduct.id, { productId: product.id }, "MUTED"),
      watch(mutedCategory.id, { productId: product.id }, "EVERYTHING"),
      watch(mutedCategory.id, { categoryId: category.id }, "MUTED"),
      watch(nonMember.id, { productId: product.id }, "EVERYTHING"),
      watch(deleted.id, { productId: product.id }, "EVERYTHING"),
      watch(mentioned.id, { productId: product.id }, "EVERYTHING", { email: true }),
    ]);
    await db().user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });

    const thread = await createThread({
      actorId: author.id, productSlug: product.slug, kind: "QUESTION", title: "Fan noise", body: `Loud fan, ${mention(mentioned)} had it too?`, language: "en",
    });
    const event = await eventFor(thread.postId, "THREAD_CREATED");
    expect(event).toMatchObject({ threadId: thread.threadId, productId: product.id, categoryId: category.id, actorId: author.id, fannedOutAt: null });
    expect(await db().postMention.findMany({ where: { postId: thread.postId }, select: { userId: true, eventId: true } })).toEqual([{ userId: mentioned.id, eventId: event.id }]);

    expect(await fanOutEvent(event.id)).toEqual({ status: "done", inApp: 4, email: 2 });
    expect(await inAppReasons(event.id)).toEqual({
      [productAll.id]: "NEW_THREAD_PRODUCT",
      [productNew.id]: "NEW_THREAD_PRODUCT",
      [categoryNew.id]: "NEW_THREAD_CATEGORY",
      [mentioned.id]: "MENTION",
    });
    const emails = await emailRows(event.id);
    expect([...emails.keys()].sort()).toEqual([productNew.id, mentioned.id].sort());
    // Mentioned (personal e-mail off by default) but watching the product with e-mail: the e-mail says why.
    expect(emails.get(mentioned.id)).toMatchObject({ reason: "NEW_THREAD_PRODUCT", listKey: `product:${product.id}`, frequency: "IMMEDIATE", status: "PENDING" });
    expect(await db().notification.count({ where: { userId: buyer.id } })).toBe(0);
    expect((await db().notificationEvent.findUniqueOrThrow({ where: { id: event.id } })).fannedOutAt).not.toBeNull();
  });
});

describe("fanOutEvent: a reply", () => {
  it("picks one reason per person and channel, personal reasons first, channels from subscriptions or personal switches", async () => {
    const { category, product } = await createWorld();
    const [asker, answerer, replier, threadWatcher, productAll, productNew, categoryAll, mentionedWatcher, paused, mutedAsker] = await Promise.all(
      [createWriter(), createWriter(), createWriter(), createWriter(), createWriter(), createWriter(), createWriter(), createWriter(), createWriter(), createWriter()],
    );
    const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Reset?", body: "How?", language: "en" });
    const answer = await replyToPost({ actorId: answerer.id, threadId: thread.threadId, body: "Hold the button." });
    await Promise.all([
      watch(threadWatcher.id, { threadId: thread.threadId }, "EVERYTHING", { email: true }),
      watch(productAll.id, { productId: product.id }, "EVERYTHING"),
      watch(productNew.id, { productId: product.id }, "NEW_THREADS", { email: true }),
      watch(categoryAll.id, { categoryId: category.id }, "EVERYTHING", { inApp: false, email: true }),
      watch(mentionedWatcher.id, { threadId: thread.threadId }, "EVERYTHING", { email: true }),
      watch(paused.id, { threadId: thread.threadId }, "EVERYTHING", { email: true }),
      watch(replier.id, { threadId: thread.threadId }, "EVERYTHING", { email: true }),
      // The answerer wants replies to their posts by e-mail only.
      db().personalEventPreference.create({ data: { userId: answerer.id, event: "REPLY_TO_MY_POST", inApp: false, email: true } }),
      db().emailPreference.create({ data: { userId: paused.id, pausedAt: new Date() } }),
    ]);

    // A reply to the answer: the answerer (REPLY_TO_MY_POST), not the asker (not top-level).
    const reply = await replyToPost({ actorId: replier.id, threadId: thread.threadId, parentPostId: answer.postId, body: `Which one? ${mention(mentionedWatcher)}` });
    const event = await eventFor(reply.postId, "REPLY_POSTED");
    await fanOutEvent(event.id);
    expect(await inAppReasons(event.id)).toEqual({
      [threadWatcher.id]: "WATCHING_THREAD",
      [productAll.id]: "WATCHING_PRODUCT",
      [mentionedWatcher.id]: "MENTION",
      [paused.id]: "WATCHING_THREAD",
    });
    const emails = await emailRows(event.id);
    expect(Object.fromEntries([...emails].map(([userId, row]) => [userId, `${row.reason} ${row.listKey}`]))).toEqual({
      [answerer.id]: "REPLY_TO_MY_POST personal:REPLY_TO_MY_POST",
      [threadWatcher.id]: `WATCHING_THREAD thread:${thread.threadId}`,
      [categoryAll.id]: `WATCHING_CATEGORY category:${category.id}`,
      [mentionedWatcher.id]: `WATCHING_THREAD thread:${thread.threadId}`,
    });

    // A top-level reply on a question: the asker gets ANSWER_TO_MY_QUESTION, unless they muted the thread.
    const topLevel = await replyToPost({ actorId: productNew.id, threadId: thread.threadId, body: "Unplug it." });
    const topEvent = await eventFor(topLevel.postId, "REPLY_POSTED");
    await fanOutEvent(topEvent.id);
    expect((await inAppReasons(topEvent.id))[asker.id]).toBe("ANSWER_TO_MY_QUESTION");

    const other = await createThread({ actorId: mutedAsker.id, productSlug: product.slug, kind: "QUESTION", title: "Other", body: "Hm", language: "en" });
    await watch(mutedAsker.id, { threadId: other.threadId }, "MUTED");
    const ignored = await replyToPost({ actorId: answerer.id, threadId: other.threadId, body: `Answer for ${mention(mutedAsker)}` });
    const ignoredEvent = await eventFor(ignored.postId, "REPLY_POSTED");
    await fanOutEvent(ignoredEvent.id);
    expect((await inAppReasons(ignoredEvent.id))[mutedAsker.id]).toBeUndefined();
  });

  it("tells a discussion's author about a top-level reply as a reply to their post", async () => {
    const { product } = await createWorld();
    const [author, replier] = await Promise.all([createWriter(), createWriter()]);
    const thread = await createThread({ actorId: author.id, productSlug: product.slug, kind: "DISCUSSION", title: "Tips", body: "Share", language: "en" });
    const reply = await replyToPost({ actorId: replier.id, threadId: thread.threadId, parentPostId: thread.postId, body: "Mine" });
    const event = await eventFor(reply.postId, "REPLY_POSTED");
    await fanOutEvent(event.id);
    expect(await inAppReasons(event.id)).toEqual({ [author.id]: "REPLY_TO_MY_POST" });
  });
});

describe("fanOutEvent: accepted answers and edits", () => {
  it("tells the answer's author when their post becomes the accepted answer, and nobody when the mark is taken back", async () => {
    const { product } = await createWorld();
    const [asker, answerer, watcher] = await Promise.all([createWriter(), createWriter(), createWriter()]);
    const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Q", body: "?", language: "en" });
    const answer = await replyToPost({ actorId: answerer.id, threadId: thread.threadId, body: "A" });
    await watch(watcher.id, { threadId: thread.threadId }, "EVERYTHING");
    await acceptAnswer({ actorId: asker.id, postId: answer.postId, accept: true });
    const event = await eventFor(answer.postId, "ANSWER_ACCEPTED");
    expect(event.actorId).toBe(asker.id);
    await fanOutEvent(event.id);
    expect(await inAppReasons(event.id)).toEqual({ [answerer.id]: "ANSWER_ACCEPTED" });

    await acceptAnswer({ actorId: asker.id, postId: answer.postId, accept: true }); // already accepted: no change
    await acceptAnswer({ actorId: asker.id, postId: answer.postId, accept: false });
    expect(await db().notificationEvent.count({ where: { postId: answer.postId, kind: "ANSWER_ACCEPTED" } })).toBe(1);
  });

  it("notifies only the people an edit newly mentions, and writes no event when there are none", async () => {
    const { product } = await createWorld();
    const [author, first, second] = await Promise.all([createWriter(), createWriter(), createWriter()]);
    const thread = await createThread({ actorId: author.id, productSlug: product.slug, kind: "TIP", title: "Tip", body: `Thanks ${mention(first)}`, language: "en" });
    await editPost({ actorId: author.id, postId: thread.postId, title: "Tip", body: `Thanks ${mention(first)}` });
    await editPost({ actorId: author.id, postId: thread.postId, title: "Tip", body: "Thanks all" });
    expect(await db().notificationEvent.count({ where: { postId: thread.postId, kind: "MENTIONED_IN_EDIT" } })).toBe(0);

    // Re-adding the first (removed above) notifies nobody twice; the second is new.
    await editPost({ actorId: author.id, postId: thread.postId, title: "Tip", body: `Thanks ${mention(first)} and ${mention(second)}` });
    const event = await eventFor(thread.postId, "MENTIONED_IN_EDIT");
    await fanOutEvent(event.id);
    expect(await inAppReasons(event.id)).toEqual({ [second.id]: "MENTION" });
  });
});

describe("fanOutEvent: e-mail timing", () => {
  it("dates DAILY and WEEKLY rows at the member's next digest slot in their time zone (unknown zone: UTC)", async () => {
    const { product } = await createWorld();
    const [author, daily, weekly, lost, immediate] = await Promise.all([createWriter(), createWriter(), createWriter(), createWriter(), createWriter()]);
    await Promise.all([
      ...[daily, weekly, lost, immediate].map((member) => watch(member.id, { productId: product.id }, "NEW_THREADS", { email: true })),
      db().emailPreference.create({ data: { userId: daily.id, frequency: "DAILY", digestHour: 7, timeZone: "Asia/Tokyo" } }),
      db().emailPreference.create({ data: { userId: weekly.id, frequency: "WEEKLY", digestHour: 18, digestWeekday: 3, timeZone: "America/New_York" } }),
      db().emailPreference.create({ data: { userId: lost.id, frequency: "DAILY", digestHour: 9, timeZone: "Mars/Olympus_Mons" } }),
    ]);
    const before = Date.now();
    const thread = await createThread({ actorId: author.id, productSlug: product.slug, kind: "TIP", title: "Tip", body: "x", language: "en" });
    const event = await eventFor(thread.postId, "THREAD_CREATED");
    await fanOutEvent(event.id);
    const emails = await emailRows(event.id);
    const local = (date: Date, timeZone: string) =>
      new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23" }).format(date);
    const dailyRow = emails.get(daily.id)!;
    expect(dailyRow.frequency).toBe("DAILY");
    expect(local(dailyRow.dueAt, "Asia/Tokyo")).toMatch(/ 07:00$/);
    expect(dailyRow.dueAt.getTime() - before).toBeGreaterThan(0);
    expect(dailyRow.dueAt.getTime() - before).toBeLessThanOrEqual(24 * 3600_000);
    const weeklyRow = emails.get(weekly.id)!;
    expect(local(weeklyRow.dueAt, "America/New_York")).toBe("Wed 18:00");
    expect(weeklyRow.dueAt.getTime() - before).toBeLessThanOrEqual(7 * 24 * 3600_000);
    expect(local(emails.get(lost.id)!.dueAt, "UTC")).toMatch(/ 09:00$/);
    const immediateRow = emails.get(immediate.id)!;
    expect(immediateRow.frequency).toBe("IMMEDIATE");
    expect(Math.abs(immediateRow.dueAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe("fanOutEvent: exactly once", () => {
  async function busyReply(watchers: number) {
    const { product } = await createWorld();
    const [asker, replier] = await Promise.all([createWriter(), createWriter()]);
    const people = await Promise.all(Array.from({ length: watchers }, () => createWriter()));
    await Promise.all(people.map((person) => watch(person.id, { productId: product.id }, "EVERYTHING", { email: true })));
    const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Q", body: "?", language: "en" });
    const reply = await replyToPost({ actorId: replier.id, threadId: thread.threadId, body: "A" });
    return eventFor(reply.postId, "REPLY_POSTED");
  }

  it("writes each row once when run twice, concurrently, or again after fannedOutAt was lost", async () => {
    const event = await busyReply(5);
    expect(await fanOutEvent(event.id)).toEqual({ status: "done", inApp: 6, email: 5 });
    expect(await fanOutEvent(event.id)).toEqual({ status: "already" });

    const concurrent = await busyReply(5);
    const results = await Promise.all([fanOutEvent(concurrent.id), fanOutEvent(concurrent.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(["already", "done"]);
    expect(await db().notification.count({ where: { eventId: concurrent.id } })).toBe(6);
    expect(await db().emailDelivery.count({ where: { eventId: concurrent.id } })).toBe(5);

    // The unique keys hold even if the fannedOutAt guard is bypassed.
    await db().notificationEvent.update({ where: { id: concurrent.id }, data: { fannedOutAt: null } });
    expect(await fanOutEvent(concurrent.id)).toEqual({ status: "done", inApp: 0, email: 0 });
    expect(await db().notification.count({ where: { eventId: concurrent.id } })).toBe(6);
  });

  it("says so for an unknown event", async () => {
    expect(await fanOutEvent(987654321n)).toEqual({ status: "missing" });
  });

  it("announces the event on the notifications channel once it commits", async () => {
    const event = await busyReply(1);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const heard: string[] = [];
      client.on("notification", (message) => {
        if (message.channel === NOTIFICATIONS_CHANNEL && message.payload) heard.push(message.payload);
      });
      await client.query(`LISTEN ${NOTIFICATIONS_CHANNEL}`);
      await fanOutEvent(event.id);
      await expect.poll(() => heard).toContainEqual(JSON.stringify({ eventId: event.id.toString() }));
    } finally {
      await client.end();
    }
  });
});

describe("fanOutEvent at scale", () => {
  it("fans one reply out to 10,000 product watchers in one statement per channel", async () => {
    const { product } = await createWorld();
    const [asker, replier] = await Promise.all([createWriter(), createWriter()]);
    const prefix = `bulk-${uniqueToken()}`;
    // 10,000 members watching the product (every other one with e-mail), written set-based.
    await db().$executeRaw`
      INSERT INTO "User" ("id", "email", "displayName", "isMember", "memberSince", "createdAt", "updatedAt")
      SELECT ${prefix} || '-' || n, ${prefix} || '-' || n || '@example.test', 'Bulk ' || n, true, now(), now(), now()
      FROM generate_series(1, 10000) AS n`;
    await db().$executeRaw`
      INSERT INTO "AlertSubscription" ("id", "userId", "productId", "level", "inApp", "email", "source", "chosenAt", "updatedAt")
      SELECT 'sub-' || ${prefix} || '-' || n, ${prefix} || '-' || n, ${product.id}, 'EVERYTHING', true, n % 2 = 0, 'PRODUCT_PAGE', now(), now()
      FROM generate_series(1, 10000) AS n`;
    const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Q", body: "?", language: "en" });
    const reply = await replyToPost({ actorId: replier.id, threadId: thread.threadId, body: "A" });
    const event = await eventFor(reply.postId, "REPLY_POSTED");

    const started = performance.now();
    const result = await fanOutEvent(event.id);
    const elapsed = performance.now() - started;
    console.info(`fan-out to 10,000 watchers: ${Math.round(elapsed)} ms`);
    expect(result).toEqual({ status: "done", inApp: 10_001, email: 5_000 });
    expect(elapsed).toBeLessThan(20_000);
  });
});
