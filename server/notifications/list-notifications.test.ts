import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { NOTIFICATIONS_PAGE_SIZE, type NotificationReason } from "@/lib/notifications/notification-vocabulary";
import { createTestMember, createTestReply, createTestThread } from "@/test/fixtures/discussion-threads";
import { createWritableProduct } from "@/test/fixtures/discussion-writers";
import { countUnreadNotifications, countUnreadNotificationsOf } from "./count-unread-notifications";
import { listNotifications } from "./list-notifications";
import { markNotificationsRead } from "./mark-notifications-read";
import { sendModerationNotice } from "@/server/moderation/send-moderation-notice";

/** A question by `asker` with a reply by `helper`, and the outbox event of that reply. */
async function repliedThread() {
  const [product, asker, helper] = await Promise.all([createWritableProduct(), createTestMember(), createTestMember()]);
  const created = await createTestThread({ productId: product.id, authorId: asker.id, title: `Battery drains overnight ${product.slug}` });
  const reply = await createTestReply(created.id, helper.id, null);
  return { product, asker, helper, thread: { threadId: created.id, slug: created.slug }, reply: { postId: reply.id } };
}

/** An event and the in-app rows for `userIds`, as the fan-out writes them. */
async function notify(input: { threadId: string; postId: string; actorId: string; userIds: string[]; reason?: NotificationReason; createdAt?: Date }) {
  const [event] = await db().$queryRaw<{ id: bigint }[]>`
    INSERT INTO "NotificationEvent" ("kind", "threadId", "postId", "productId", "categoryId", "actorId")
    SELECT 'REPLY_POSTED', t."id", ${input.postId}, t."productId", p."categoryId", ${input.actorId}
    FROM "Thread" t JOIN "Product" p ON p."id" = t."productId" WHERE t."id" = ${input.threadId}
    RETURNING "id"`;
  await db().notification.createMany({
    data: input.userIds.map((userId) => ({
      userId,
      eventId: event!.id,
      reason: input.reason ?? "REPLY_TO_MY_POST",
      threadId: input.threadId,
      postId: input.postId,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })),
  });
  return event!.id;
}

describe("listNotifications", () => {
  it("lists what happened with who, where, the product and whether it was read, newest first, in pages", async () => {
    const { product, asker, helper, thread, reply } = await repliedThread();
    const base = Date.now() - 60 * 60_000;
    for (let i = 0; i < NOTIFICATIONS_PAGE_SIZE + 2; i++) {
      await notify({ threadId: thread.threadId, postId: reply.postId, actorId: helper.id, userIds: [asker.id], createdAt: new Date(base + i * 1000) });
    }
    const first = await listNotifications(asker.id, 1);
    expect(first).toMatchObject({ page: 1, pageSize: NOTIFICATIONS_PAGE_SIZE, total: NOTIFICATIONS_PAGE_SIZE + 2, pageCount: 2, unread: NOTIFICATIONS_PAGE_SIZE + 2 });
    expect(first.items).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect(first.items[0]).toEqual({
      id: expect.stringMatching(/^[1-9][0-9]*$/),
      reason: "REPLY_TO_MY_POST",
      kind: "REPLY_POSTED",
      notice: null,
      actorName: helper.displayName,
      threadId: thread.threadId,
      threadSlug: thread.slug,
      threadTitle: `Battery drains overnight ${product.slug}`,
      threadDeleted: false,
      postId: reply.postId,
      productName: product.name,
      createdAt: new Date(base + (NOTIFICATIONS_PAGE_SIZE + 1) * 1000),
      read: false,
    });
    const times = first.items.map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = await listNotifications(asker.id, 2);
    expect(second.items).toHaveLength(2);
    expect(second.items[1]!.createdAt).toEqual(new Date(base));
    // Nobody else's rows.
    expect((await listNotifications(helper.id, 1)).total).toBe(0);
  });

  it("reads a page with one query for the rows and one for the totals, however many rows", async () => {
    const { asker, helper, thread, reply } = await repliedThread();
    for (let i = 0; i < 5; i++) await notify({ threadId: thread.threadId, postId: reply.postId, actorId: helper.id, userIds: [asker.id] });
    const client = db();
    const spy = vi.spyOn(client, "$queryRaw");
    try {
      expect((await listNotifications(asker.id, 1)).items).toHaveLength(5);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it("marks a deleted thread, and names nobody when the actor has no display name", async () => {
    const { asker, thread, reply } = await repliedThread();
    const anonymous = await db().user.create({ data: { email: `anon-${reply.postId}@example.test`, isMember: true, memberSince: new Date() }, select: { id: true } });
    await notify({ threadId: thread.threadId, postId: reply.postId, actorId: anonymous.id, userIds: [asker.id], reason: "MENTION" });
    await db().thread.update({ where: { id: thread.threadId }, data: { deletedAt: new Date() } });
    const [item] = (await listNotifications(asker.id, 1)).items;
    expect(item).toMatchObject({ reason: "MENTION", actorName: null, threadDeleted: true });
  });
});

describe("countUnreadNotifications and markNotificationsRead", () => {
  it("marks one, then all, returning the new unread count; only the person's own rows", async () => {
    const { asker, helper, thread, reply } = await repliedThread();
    const other = await createTestMember();
    for (let i = 0; i < 3; i++) await notify({ threadId: thread.threadId, postId: reply.postId, actorId: helper.id, userIds: [asker.id, other.id] });
    expect(await countUnreadNotifications(asker.id)).toBe(3);

    const [newest] = (await listNotifications(asker.id, 1)).items;
    expect(await markNotificationsRead({ actorId: asker.id, notificationId: newest!.id })).toEqual({ unread: 2 });
    // Again: nothing changes.
    expect(await markNotificationsRead({ actorId: asker.id, notificationId: newest!.id })).toEqual({ unread: 2 });
    expect((await listNotifications(asker.id, 1)).items.map((item) => item.read)).toEqual([true, false, false]);

    // Someone else's id changes nothing and answers like any other no-op.
    const [othersNewest] = (await listNotifications(other.id, 1)).items;
    expect(await markNotificationsRead({ actorId: asker.id, notificationId: othersNewest!.id })).toEqual({ unread: 2 });
    expect(await countUnreadNotifications(other.id)).toBe(3);

    expect(await markNotificationsRead({ actorId: asker.id, all: true })).toEqual({ unread: 0 });
    expect(await countUnreadNotifications(asker.id)).toBe(0);
    expect(await countUnreadNotifications(other.id)).toBe(3);
    expect(await markNotificationsRead({ actorId: asker.id, all: true })).toEqual({ unread: 0 });
  });

  it("lists a moderator's notice with its reason, with the thread when it concerns one and without when it concerns the member", async () => {
    const { thread, reply } = await repliedThread();
    const member = await createTestMember();
    const moderator = await createTestMember();
    await db().$transaction(async (tx) => {
      await sendModerationNotice(tx, { userId: member.id, kind: "WARNING", reason: "Please keep it civil", createdById: moderator.id });
      await sendModerationNotice(tx, { userId: member.id, kind: "POST_HIDDEN", reason: "Off-topic", threadId: thread.threadId, postId: reply.postId, createdById: moderator.id });
    });
    const page = await listNotifications(member.id, 1);
    expect(page.unread).toBe(2);
    expect(page.items.map(({ reason, kind, notice, threadId, postId, actorName }) => ({ reason, kind, notice, threadId, postId, actorName })).sort((a, b) => String(a.threadId).localeCompare(String(b.threadId)))).toEqual(
      [
        { reason: "MODERATOR_MESSAGE", kind: null, notice: { kind: "POST_HIDDEN", reason: "Off-topic" }, threadId: thread.threadId, postId: reply.postId, actorName: null },
        { reason: "MODERATOR_MESSAGE", kind: null, notice: { kind: "WARNING", reason: "Please keep it civil" }, threadId: null, postId: null, actorName: null },
      ].sort((a, b) => String(a.threadId).localeCompare(String(b.threadId))),
    );
  });

  it("refuses a signed-out caller", async () => {
    await expect(markNotificationsRead({ actorId: null, all: true })).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
  });

  it("counts, for an event, only the watched people who got a row for it; without an event, everyone watched", async () => {
    const { asker, helper, thread, reply } = await repliedThread();
    const [watcher, bystander] = await Promise.all([createTestMember(), createTestMember()]);
    await notify({ threadId: thread.threadId, postId: reply.postId, actorId: helper.id, userIds: [asker.id] });
    const eventId = await notify({ threadId: thread.threadId, postId: reply.postId, actorId: helper.id, userIds: [asker.id, watcher.id] });
    const forEvent = await countUnreadNotificationsOf([asker.id, bystander.id, helper.id], eventId);
    expect(Object.fromEntries(forEvent)).toEqual({ [asker.id]: 2 });
    const all = await countUnreadNotificationsOf([asker.id, watcher.id, bystander.id]);
    expect(Object.fromEntries(all)).toEqual({ [asker.id]: 2, [watcher.id]: 1, [bystander.id]: 0 });
    expect((await countUnreadNotificationsOf([])).size).toBe(0);
  });
});
