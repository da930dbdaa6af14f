import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createThread } from "./create-thread";
import { replyToPost } from "./reply-to-post";

async function openThread() {
  const [product, asker] = await Promise.all([createWritableProduct(), createWriter()]);
  const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "How do I reset the thermostat?", body: "It blinks.", language: "en" });
  return { ...thread, askerId: asker.id };
}

const refusedBecause = (reason: string) => (error: unknown) => isAppError(error, "FORBIDDEN") && error.details.reason === reason;

describe("replyToPost", () => {
  it("builds the reply tree: depth and rootReplyId for replies to the thread, to its opening post and to replies", async () => {
    const thread = await openThread();
    const [first, second, third] = await Promise.all([createWriter(), createWriter(), createWriter()]);
    const topLevel = await replyToPost({ actorId: first.id, threadId: thread.threadId, body: "Hold the button 5 seconds." });
    const toOpening = await replyToPost({ actorId: second.id, threadId: thread.threadId, parentPostId: thread.postId, body: "Same here." });
    const child = await replyToPost({ actorId: second.id, threadId: thread.threadId, parentPostId: topLevel.postId, body: "Which button?" });
    const grandchild = await replyToPost({ actorId: third.id, threadId: thread.threadId, parentPostId: child.postId, body: "The round one." });
    const deeper = await replyToPost({ actorId: first.id, threadId: thread.threadId, parentPostId: grandchild.postId, body: "Yes, that one." });

    const posts = await db().post.findMany({
      where: { id: { in: [topLevel.postId, toOpening.postId, child.postId, grandchild.postId, deeper.postId] } },
      select: { id: true, parentId: true, rootReplyId: true, depth: true, language: true },
    });
    const byId = new Map(posts.map((post) => [post.id, post]));
    expect(byId.get(topLevel.postId)).toMatchObject({ parentId: null, rootReplyId: topLevel.postId, depth: 1, language: "en" });
    expect(byId.get(toOpening.postId)).toMatchObject({ parentId: null, rootReplyId: toOpening.postId, depth: 1 });
    expect(byId.get(child.postId)).toMatchObject({ parentId: topLevel.postId, rootReplyId: topLevel.postId, depth: 2 });
    expect(byId.get(grandchild.postId)).toMatchObject({ parentId: child.postId, rootReplyId: topLevel.postId, depth: 3 });
    expect(byId.get(deeper.postId)).toMatchObject({ parentId: grandchild.postId, rootReplyId: topLevel.postId, depth: 4 });

    const counts = await db().thread.findUniqueOrThrow({ where: { id: thread.threadId }, select: { replyCount: true, lastActivityAt: true, createdAt: true } });
    expect(counts.replyCount).toBe(5);
    expect(counts.lastActivityAt.getTime()).toBeGreaterThan(counts.createdAt.getTime());
  });

  it("refuses replies to a locked or deleted thread and writes nothing", async () => {
    const [locked, deleted] = await Promise.all([openThread(), openThread()]);
    await db().thread.update({ where: { id: locked.threadId }, data: { lockedAt: new Date() } });
    await db().thread.update({ where: { id: deleted.threadId }, data: { deletedAt: new Date() } });
    const replier = await createWriter();
    await expect(replyToPost({ actorId: replier.id, threadId: locked.threadId, body: "Hello" })).rejects.toSatisfy(refusedBecause("THREAD_LOCKED"));
    await expect(replyToPost({ actorId: replier.id, threadId: deleted.threadId, body: "Hello" })).rejects.toSatisfy(refusedBecause("THREAD_DELETED"));
    expect(await db().post.count({ where: { authorId: replier.id } })).toBe(0);
    const threads = await db().thread.findMany({ where: { id: { in: [locked.threadId, deleted.threadId] } }, select: { replyCount: true } });
    expect(threads.map((thread) => thread.replyCount)).toEqual([0, 0]);
  });

  it("refuses a reply to a deleted post, to a post of another thread, and to an unknown thread", async () => {
    const [thread, other] = await Promise.all([openThread(), openThread()]);
    const replier = await createWriter();
    const reply = await replyToPost({ actorId: replier.id, threadId: thread.threadId, body: "First" });
    await db().post.update({ where: { id: reply.postId }, data: { deletedAt: new Date() } });

    await expect(replyToPost({ actorId: replier.id, threadId: thread.threadId, parentPostId: reply.postId, body: "To a deleted post" })).rejects.toSatisfy(
      refusedBecause("POST_DELETED"),
    );
    await expect(replyToPost({ actorId: replier.id, threadId: other.threadId, parentPostId: reply.postId, body: "Cross-thread" })).rejects.toSatisfy(
      (error) => isAppError(error, "NOT_FOUND") && error.details.field === "parentPostId",
    );
    await expect(replyToPost({ actorId: replier.id, threadId: "no-such-thread", body: "Nowhere" })).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND"));
    expect(await db().post.count({ where: { authorId: replier.id } })).toBe(1);
  });
});
