import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createThread } from "@/server/discussions/create-thread";
import { findReplyPage } from "@/server/discussions/find-reply-page";
import { listThreadReplies, type ReplyNode } from "@/server/discussions/list-thread-replies";
import { replyToPost } from "@/server/discussions/reply-to-post";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { findMergedThread } from "./find-merged-thread";
import { mergeThread } from "./merge-thread";

const requestId = "test-merge-thread";

/** A duplicate question with a reply tree four levels deep, and the question it duplicates. */
async function duplicateAndTarget() {
  const [product, asker, otherAsker, helper, second] = await Promise.all([createWritableProduct(), createWriter(), createWriter(), createWriter(), createWriter()]);
  const target = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Which filter fits the X200?", body: "Model X200.", language: "en" });
  const targetReply = await replyToPost({ actorId: helper.id, threadId: target.threadId, body: "The HEPA 12." });
  const source = await createThread({ actorId: otherAsker.id, productSlug: product.slug, kind: "QUESTION", title: "Filter for X200 vacuum?", body: "Same model.", language: "en" });
  const a = await replyToPost({ actorId: helper.id, threadId: source.threadId, body: "HEPA 12 again." });
  const a1 = await replyToPost({ actorId: second.id, threadId: source.threadId, parentPostId: a.postId, body: "Or HEPA 13." });
  const a1x = await replyToPost({ actorId: helper.id, threadId: source.threadId, parentPostId: a1.postId, body: "13 is louder." });
  const b = await replyToPost({ actorId: second.id, threadId: source.threadId, parentPostId: source.postId, body: "Ask support." });
  return { product, asker, otherAsker, helper, target, targetReply, source, posts: { a, a1, a1x, b } };
}

const flatten = (nodes: ReplyNode[]): string[] => nodes.flatMap((node) => [node.id, ...flatten(node.children)]);

describe("mergeThread", () => {
  it("moves every post of the duplicate under its opening post, with depth and rootReplyId recomputed and counts on both threads", async () => {
    const scene = await duplicateAndTarget();
    const moderator = await createWriter({ role: "MODERATOR" });
    const result = await mergeThread({ actorId: moderator.id, sourceThreadId: scene.source.threadId, targetThreadId: scene.target.threadId, reason: "Same question", requestId });
    expect(result).toMatchObject({ threadId: scene.target.threadId, movedPostCount: 5 });

    const opening = scene.source.postId;
    const posts = await db().post.findMany({ where: { id: { in: [opening, ...Object.values(scene.posts).map((p) => p.postId)] } }, select: { id: true, threadId: true, isOpening: true, parentId: true, rootReplyId: true, depth: true } });
    const byId = new Map(posts.map((post) => [post.id, post]));
    expect(posts.every((post) => post.threadId === scene.target.threadId && !post.isOpening && post.rootReplyId === opening)).toBe(true);
    expect(byId.get(opening)).toMatchObject({ parentId: null, depth: 1 });
    expect(byId.get(scene.posts.a.postId)).toMatchObject({ parentId: opening, depth: 2 });
    expect(byId.get(scene.posts.b.postId)).toMatchObject({ parentId: opening, depth: 2 });
    expect(byId.get(scene.posts.a1.postId)).toMatchObject({ parentId: scene.posts.a.postId, depth: 3 });
    expect(byId.get(scene.posts.a1x.postId)).toMatchObject({ parentId: scene.posts.a1.postId, depth: 4 });
    // The target's own reply is untouched.
    expect(await db().post.findUniqueOrThrow({ where: { id: scene.targetReply.postId }, select: { threadId: true, depth: true, rootReplyId: true } })).toEqual({
      threadId: scene.target.threadId,
      depth: 1,
      rootReplyId: scene.targetReply.postId,
    });

    const [target, source] = await Promise.all([
      db().thread.findUniqueOrThrow({ where: { id: scene.target.threadId }, select: { replyCount: true } }),
      db().thread.findUniqueOrThrow({ where: { id: scene.source.threadId }, select: { replyCount: true, deletedAt: true, mergedIntoId: true } }),
    ]);
    expect(target.replyCount).toBe(6);
    expect(source).toMatchObject({ replyCount: 0, mergedIntoId: scene.target.threadId });
    expect(source.deletedAt).not.toBeNull();
    expect(await db().post.count({ where: { threadId: scene.source.threadId } })).toBe(0);

    // The target's page shows every reply; a permalink to the deepest one finds its page.
    const page = await listThreadReplies({ threadId: scene.target.threadId, page: 1, topLevelPerPage: 20 });
    expect(new Set(flatten(page.replies))).toEqual(new Set([scene.targetReply.postId, opening, ...Object.values(scene.posts).map((p) => p.postId)]));
    expect(await findReplyPage(scene.target.threadId, scene.posts.a1x.postId, 20)).toBe(1);
    // The old address resolves to the target.
    expect(await findMergedThread(scene.source.threadId)).toEqual({ id: scene.target.threadId, slug: scene.target.slug });
    expect(await findMergedThread(scene.target.threadId)).toBeNull();
  });

  it("writes one audit row and tells the duplicate's author, in the same transaction", async () => {
    const scene = await duplicateAndTarget();
    const moderator = await createWriter({ role: "MODERATOR" });
    await mergeThread({ actorId: moderator.id, sourceThreadId: scene.source.threadId, targetThreadId: scene.target.threadId, reason: "Duplicate of an older question", requestId });
    const audit = await db().auditLogEntry.findMany({ where: { actorId: moderator.id }, select: { action: true, targetType: true, targetId: true, reason: true, before: true, after: true, requestId: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "thread.merge", targetType: "thread", targetId: scene.source.threadId, reason: "Duplicate of an older question", requestId });
    expect(audit[0]!.before).toMatchObject({ source: { replyCount: 4 }, target: { replyCount: 1 } });
    expect(audit[0]!.after).toMatchObject({ target: { replyCount: 6 }, movedPostCount: 5 });
    const notices = await db().moderationNotice.findMany({ where: { userId: scene.otherAsker.id }, select: { kind: true, reason: true, threadId: true, notification: { select: { reason: true } } } });
    expect(notices).toEqual([{ kind: "THREAD_MERGED", reason: "Duplicate of an older question", threadId: scene.target.threadId, notification: { reason: "MODERATOR_MESSAGE" } }]);
  });

  it("keeps the duplicate's accepted answer when the target has none, moves me-toos once, and re-points earlier merges", async () => {
    const scene = await duplicateAndTarget();
    const [moderator, fan] = await Promise.all([createWriter({ role: "MODERATOR" }), createWriter()]);
    await db().thread.update({ where: { id: scene.source.threadId }, data: { acceptedPostId: scene.posts.a.postId } });
    await db().threadMeToo.createMany({ data: [{ threadId: scene.source.threadId, userId: fan.id }, { threadId: scene.target.threadId, userId: fan.id }, { threadId: scene.source.threadId, userId: scene.helper.id }] });
    // A third thread merged into the duplicate earlier.
    const older = await createThread({ actorId: scene.helper.id, productSlug: scene.product.slug, kind: "QUESTION", title: "X200 filter size?", body: "Which one?", language: "en" });
    await mergeThread({ actorId: moderator.id, sourceThreadId: older.threadId, targetThreadId: scene.source.threadId, reason: "Same question", requestId });

    await mergeThread({ actorId: moderator.id, sourceThreadId: scene.source.threadId, targetThreadId: scene.target.threadId, reason: "Same question", requestId });
    const target = await db().thread.findUniqueOrThrow({ where: { id: scene.target.threadId }, select: { acceptedPostId: true, meTooCount: true, replyCount: true } });
    expect(target).toEqual({ acceptedPostId: scene.posts.a.postId, meTooCount: 2, replyCount: 7 });
    expect(await db().threadMeToo.count({ where: { threadId: scene.target.threadId } })).toBe(2);
    expect((await db().thread.findUniqueOrThrow({ where: { id: older.threadId }, select: { mergedIntoId: true } })).mergedIntoId).toBe(scene.target.threadId);
    expect(await findMergedThread(older.threadId)).toEqual({ id: scene.target.threadId, slug: scene.target.slug });
  });

  it("refuses members, the same thread, and unknown or already merged threads, changing nothing", async () => {
    const scene = await duplicateAndTarget();
    const moderator = await createWriter({ role: "MODERATOR" });
    const input = { sourceThreadId: scene.source.threadId, targetThreadId: scene.target.threadId, reason: "Same question", requestId };
    await expect(mergeThread({ ...input, actorId: scene.asker.id })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
    await expect(mergeThread({ ...input, actorId: null })).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    await expect(mergeThread({ ...input, actorId: moderator.id, targetThreadId: scene.source.threadId })).rejects.toSatisfy((error) => isAppError(error, "INVALID_INPUT"));
    await expect(mergeThread({ ...input, actorId: moderator.id, targetThreadId: "unknownthread1" })).rejects.toSatisfy(
      (error) => isAppError(error, "NOT_FOUND") && error.details.field === "target",
    );
    expect(await db().post.count({ where: { threadId: scene.source.threadId } })).toBe(5);
    await mergeThread({ ...input, actorId: moderator.id });
    await expect(mergeThread({ ...input, actorId: moderator.id })).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND") && error.details.field === "threadId");
  });
});
