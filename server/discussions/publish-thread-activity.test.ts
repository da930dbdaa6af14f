import { afterEach, describe, expect, it } from "vitest";
import type { ThreadActivityEvent } from "@/lib/discussions/thread-activity";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { acceptAnswer } from "./accept-answer";
import { createThread } from "./create-thread";
import { deletePost } from "./delete-post";
import { editPost } from "./edit-post";
import { replyToPost } from "./reply-to-post";
import { subscribeThreadActivity } from "./subscribe-thread-activity";

const leaving: (() => void)[] = [];
afterEach(() => leaving.splice(0).forEach((leave) => leave()));

async function listenTo(threadId: string) {
  const heard: ThreadActivityEvent[] = [];
  leaving.push(await subscribeThreadActivity(threadId, { onActivity: (event) => void heard.push(event), onResync: () => {} }));
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

describe("thread activity", () => {
  it("is published by replies, edits, accepts and deletes of the thread — and not by refused writes", async () => {
    const [product, asker, helper] = await Promise.all([createWritableProduct(), createWriter(), createWriter()]);
    const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Which filter fits this vacuum?", body: "Model 2024.", language: "en" });
    const heard = await listenTo(thread.threadId);

    const reply = await replyToPost({ actorId: helper.id, threadId: thread.threadId, body: "The HEPA 12." });
    await editPost({ actorId: helper.id, postId: reply.postId, body: "The HEPA 12 or 13." });
    await acceptAnswer({ actorId: asker.id, postId: reply.postId, accept: true });
    // Refused (not the author): rolled back, so nothing is heard of it.
    await expect(editPost({ actorId: asker.id, postId: reply.postId, body: "Hijacked." })).rejects.toThrow();
    await deletePost({ actorId: helper.id, postId: reply.postId });

    const expected: ThreadActivityEvent[] = [
      { postId: reply.postId, kind: "reply" },
      { postId: reply.postId, kind: "edited" },
      { postId: reply.postId, kind: "accepted" },
      { postId: reply.postId, kind: "deleted" },
    ];
    await eventually(() => expect(heard).toEqual(expected));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(expected);
  });
});
