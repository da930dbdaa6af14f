import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createThread } from "./create-thread";
import { replyToPost } from "./reply-to-post";

describe("posting rate limit", () => {
  it("accepts 5 posts a minute, refuses the 6th with the time the next one is accepted, and writes nothing", async () => {
    const [product, author] = await Promise.all([createWritableProduct(), createWriter()]);
    const thread = await createThread({ actorId: author.id, productSlug: product.slug, kind: "DISCUSSION", title: "Share your setups here", body: "Mine first.", language: "en" });
    for (let index = 0; index < 4; index += 1) await replyToPost({ actorId: author.id, threadId: thread.threadId, body: `Reply ${index}` });

    const before = Date.now();
    const refusal = await replyToPost({ actorId: author.id, threadId: thread.threadId, body: "One too many" }).catch((error: unknown) => error);
    expect(isAppError(refusal, "RATE_LIMITED")).toBe(true);
    const retryAt = new Date(String((refusal as { details: { retryAt: string } }).details.retryAt)).getTime();
    // The oldest of the five was written moments ago: a slot frees about a minute after it.
    expect(retryAt).toBeGreaterThan(before + 50_000);
    expect(retryAt).toBeLessThanOrEqual(before + 60_000);
    expect(await db().post.count({ where: { authorId: author.id } })).toBe(5);
    expect((await db().thread.findUniqueOrThrow({ where: { id: thread.threadId }, select: { replyCount: true } })).replyCount).toBe(4);
  });

  it("refuses concurrent posts beyond the limit (the lock serializes one member's posts)", async () => {
    const [product, author] = await Promise.all([createWritableProduct(), createWriter()]);
    const thread = await createThread({ actorId: author.id, productSlug: product.slug, kind: "DISCUSSION", title: "Quick clicks everywhere", body: "Go.", language: "en" });
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, index) => replyToPost({ actorId: author.id, threadId: thread.threadId, body: `Burst ${index}` })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(4);
    expect(results.filter((result) => result.status === "rejected" && isAppError(result.reason, "RATE_LIMITED"))).toHaveLength(4);
    expect(await db().post.count({ where: { authorId: author.id } })).toBe(5);
  });

  it("refuses the 51st post of a day even when the last minute is quiet", async () => {
    const [product, author] = await Promise.all([createWritableProduct(), createWriter()]);
    const thread = await createThread({ actorId: author.id, productSlug: product.slug, kind: "DISCUSSION", title: "A very talkative day", body: "Hi.", language: "en" });
    // 49 earlier posts spread over the last few hours (plus the opening post = 50 today).
    const hourAgo = Date.now() - 60 * 60_000;
    await db().post.createMany({
      data: Array.from({ length: 49 }, (_, index) => ({
        threadId: thread.threadId,
        authorId: author.id,
        depth: 1,
        bodyMarkdown: `Earlier ${index}`,
        bodyHtml: `<p>Earlier ${index}</p>`,
        language: "en" as const,
        createdAt: new Date(hourAgo - index * 60_000),
      })),
    });
    await db().post.updateMany({ where: { threadId: thread.threadId, isOpening: true }, data: { createdAt: new Date(hourAgo - 50 * 60_000) } });
    const refusal = await replyToPost({ actorId: author.id, threadId: thread.threadId, body: "Fifty-first" }).catch((error: unknown) => error);
    expect(isAppError(refusal, "RATE_LIMITED")).toBe(true);
    // The oldest of today's 50 leaves the 24-hour window first.
    const retryAt = new Date(String((refusal as { details: { retryAt: string } }).details.retryAt)).getTime();
    expect(retryAt).toBeGreaterThan(Date.now() + 20 * 60 * 60_000);
  });
});
