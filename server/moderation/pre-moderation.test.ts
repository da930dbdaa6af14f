import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { createThread } from "@/server/discussions/create-thread";
import { replyToPost } from "@/server/discussions/reply-to-post";
import { fanOutEvent } from "@/server/notifications/fan-out-event";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { resolveReviewItems } from "./resolve-review-items";

// This file's own env() (modules are per test file): a member's first 2 posts wait for review.
beforeAll(() => {
  vi.stubEnv("MODERATION_PREMODERATED_POSTS", "2");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const ask = (actorId: string, productSlug: string) =>
  createThread({ actorId, productSlug, kind: "QUESTION", title: "Does the dock charge the laptop?", body: "It does not seem to.", language: "en" });

describe("pre-moderation (MODERATION_PREMODERATED_POSTS=2)", () => {
  it("a member's first two posts wait for review with a PRE_MODERATION item; the third is visible; moderators are never pre-moderated", async () => {
    const [product, newcomer, moderator] = await Promise.all([createWritableProduct(), createWriter(), createWriter({ role: "MODERATOR" })]);
    const thread = await ask(newcomer.id, product.slug);
    const reply = await replyToPost({ actorId: newcomer.id, threadId: thread.threadId, body: "More details." });
    const third = await replyToPost({ actorId: newcomer.id, threadId: thread.threadId, body: "Still broken." });
    const posts = await db().post.findMany({ where: { id: { in: [thread.postId, reply.postId, third.postId] } }, select: { id: true, visibility: true } });
    const visibility = Object.fromEntries(posts.map((post) => [post.id, post.visibility]));
    expect(visibility[thread.postId]).toBe("PENDING_REVIEW");
    expect(visibility[reply.postId]).toBe("PENDING_REVIEW");
    expect(visibility[third.postId]).toBe("VISIBLE");
    const items = await db().reviewItem.findMany({ where: { postId: { in: [thread.postId, reply.postId, third.postId] } }, select: { postId: true, kind: true, status: true } });
    expect(items).toHaveLength(2);
    expect(items.every((item) => item.kind === "PRE_MODERATION" && item.status === "OPEN")).toBe(true);

    const modThread = await ask(moderator.id, product.slug);
    expect((await db().post.findUniqueOrThrow({ where: { id: modThread.postId } })).visibility).toBe("VISIBLE");
  });

  it("the fan-out does not announce a post waiting for review; approving it writes and fans out a fresh event", async () => {
    const [product, newcomer, watcher, moderator] = await Promise.all([createWritableProduct(), createWriter(), createWriter(), createWriter({ role: "MODERATOR" })]);
    await db().alertSubscription.create({ data: { userId: watcher.id, productId: product.id, level: "NEW_THREADS", source: "PRODUCT_PAGE" } });
    const thread = await ask(newcomer.id, product.slug);
    const first = await db().notificationEvent.findFirstOrThrow({ where: { postId: thread.postId } });
    expect(await fanOutEvent(first.id)).toEqual({ status: "done", inApp: 0, email: 0 });
    expect(await db().notification.count({ where: { userId: watcher.id } })).toBe(0);

    const item = await db().reviewItem.findFirstOrThrow({ where: { postId: thread.postId } });
    await resolveReviewItems({ actorId: moderator.id, ids: [item.id], decision: "approve", requestId: "r" });
    const events = await db().notificationEvent.findMany({ where: { postId: thread.postId }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ kind: "THREAD_CREATED", actorId: newcomer.id, fannedOutAt: null });
    expect(await fanOutEvent(events[1]!.id)).toMatchObject({ status: "done", inApp: 1 });
    expect(await db().notification.findFirst({ where: { userId: watcher.id }, select: { postId: true, reason: true } })).toEqual({ postId: thread.postId, reason: "NEW_THREAD_PRODUCT" });
  });
});
