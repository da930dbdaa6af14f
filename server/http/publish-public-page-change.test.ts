import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createThread } from "@/server/discussions/create-thread";
import { subscribeLiveChannel } from "@/server/live/subscribe-live-channel";
import { lockThread } from "@/server/moderation/lock-thread";
import { moveThread } from "@/server/moderation/move-thread";
import { pinThread } from "@/server/moderation/pin-thread";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { parsePageChange } from "./parse-page-change";
import { PUBLIC_PAGES_CHANNEL, publishPublicPageChange } from "./publish-public-page-change";

const leaving: (() => void)[] = [];
afterEach(() => leaving.splice(0).forEach((leave) => leave()));

async function listen() {
  const heard: ReturnType<typeof parsePageChange>[] = [];
  leaving.push(await subscribeLiveChannel(PUBLIC_PAGES_CHANNEL, { onMessage: (payload) => void heard.push(parsePageChange(payload)), onResync: () => {} }));
  return heard;
}

async function eventually(check: () => void, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe("publishPublicPageChange", () => {
  it("tells every page cache which threads changed, on commit only, in one statement for many", async () => {
    const heard = await listen();
    await db().$transaction((tx) => publishPublicPageChange(tx, { threadIds: ["thread-a", "thread-b", "thread-a"] }));
    await expect(
      db().$transaction(async (tx) => {
        await publishPublicPageChange(tx, { threadIds: ["rolled-back"] });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await db().$transaction((tx) => publishPublicPageChange(tx, { all: true }));
    await eventually(() => expect(heard).toEqual([{ threadId: "thread-a" }, { threadId: "thread-b" }, { all: true }]));
  });

  it("is published by the moderation actions that change a public thread: lock, pin, move", async () => {
    const [product, other, asker, moderator] = await Promise.all([createWritableProduct(), createWritableProduct(), createWriter(), createWriter({ role: "MODERATOR" })]);
    const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Is the hinge replaceable?", body: "Mine squeaks.", language: "en" });
    const heard = await listen();
    const requestId = "test-public-page-change";
    await lockThread({ actorId: moderator.id, threadId: thread.threadId, locked: true, reason: "Heated", requestId });
    await pinThread({ actorId: moderator.id, threadId: thread.threadId, pinned: true, reason: "Useful", requestId });
    await moveThread({ actorId: moderator.id, threadId: thread.threadId, productSlug: other.slug, reason: "Wrong product", requestId });
    await eventually(() => expect(heard.filter((change) => "threadId" in change && change.threadId === thread.threadId)).toHaveLength(3));
  });
});
