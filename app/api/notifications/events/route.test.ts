import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { publishLiveEvent } from "@/server/live/publish-live-event";
import { liveListener } from "@/server/live/subscribe-live-channel";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import { NOTIFICATIONS_LIVE_CHANNEL } from "@/server/notifications/notifications-live-channel";
import { createTestMember, createTestReply, createTestThread } from "@/test/fixtures/discussion-threads";
import { createWritableProduct } from "@/test/fixtures/discussion-writers";

const currentUser = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/server/auth/get-current-user", () => ({
  getCurrentUser: async () => (currentUser.id ? { id: currentUser.id, email: "x@example.test", displayName: "X", role: "MEMBER", locale: "en" } : null),
}));

const { GET, HEAD } = await import("./route");

/** An event with in-app rows for `userIds`, then the fan-out's NOTIFY `{ eventId }` after commit. */
async function deliver(threadId: string, postId: string, actorId: string, userIds: string[]) {
  return db().$transaction(async (tx) => {
    const [event] = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "NotificationEvent" ("kind", "threadId", "postId", "productId", "categoryId", "actorId")
      SELECT 'REPLY_POSTED', t."id", ${postId}, t."productId", p."categoryId", ${actorId}
      FROM "Thread" t JOIN "Product" p ON p."id" = t."productId" WHERE t."id" = ${threadId}
      RETURNING "id"`;
    await tx.notification.createMany({ data: userIds.map((userId) => ({ userId, eventId: event!.id, reason: "WATCHING_THREAD" as const, threadId, postId })) });
    await publishLiveEvent(tx, NOTIFICATIONS_LIVE_CHANNEL, { eventId: event!.id.toString() });
    return event!.id;
  });
}

beforeEach(() => {
  currentUser.id = null;
});

describe("GET /api/notifications/events", () => {
  it("is a 401 problem when signed out (GET and HEAD), without subscribing", async () => {
    const before = liveListener().subscriberCount(NOTIFICATIONS_LIVE_CHANNEL);
    const response = await GET(new Request("http://localhost/api/notifications/events"));
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect((await HEAD()).status).toBe(401);
    expect(liveListener().subscriberCount(NOTIFICATIONS_LIVE_CHANNEL)).toBe(before);
  });

  it("streams the signed-in person's unread count on connect and when their notifications arrive or are read, not others'", async () => {
    const [product, me, other, actor] = await Promise.all([createWritableProduct(), createTestMember(), createTestMember(), createTestMember()]);
    const thread = await createTestThread({ productId: product.id, authorId: actor.id });
    const reply = await createTestReply(thread.id, actor.id, null);
    await deliver(thread.id, reply.id, actor.id, [me.id]);

    currentUser.id = me.id;
    const abort = new AbortController();
    const response = await GET(new Request("http://localhost/api/notifications/events", { signal: abort.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = response.body!.getReader();
    const seen = { value: "" };
    const counts = () => [...seen.value.matchAll(/event: unread\ndata: \{"unread":(\d+)\}\n\n/g)].map((match) => Number(match[1]));
    /** Reads on until `n` unread events have arrived. */
    const readCounts = async (n: number) => {
      const decoder = new TextDecoder();
      const deadline = Date.now() + 5_000;
      while (counts().length < n) {
        if (Date.now() > deadline) throw new Error(`only ${counts().length} unread events; got ${JSON.stringify(seen.value)}`);
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        seen.value += decoder.decode(value, { stream: true });
      }
    };
    await readCounts(1);
    expect(counts()).toEqual([1]);

    // Someone else's notification: nothing for me. Then mine: the new count.
    await deliver(thread.id, reply.id, actor.id, [other.id]);
    await deliver(thread.id, reply.id, actor.id, [me.id, other.id]);
    await readCounts(2);
    expect(counts()).toEqual([1, 2]);

    // Read in another tab: this stream hears it too.
    await markNotificationsRead({ actorId: me.id, all: true });
    await readCounts(3);
    // Another person reading theirs changes nothing here.
    await markNotificationsRead({ actorId: other.id, all: true });
    await deliver(thread.id, reply.id, actor.id, [me.id]);
    await readCounts(4);
    expect(counts()).toEqual([1, 2, 0, 1]);
    expect(seen.value).not.toContain(other.id);

    abort.abort();
    await vi.waitFor(() => expect(liveListener().subscriberCount(NOTIFICATIONS_LIVE_CHANNEL)).toBe(0));
  });
});
