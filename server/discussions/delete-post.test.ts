import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { acceptAnswer } from "./accept-answer";
import { createThread } from "./create-thread";
import { deletePost } from "./delete-post";
import { replyToPost } from "./reply-to-post";

async function threadWithNestedReply() {
  const [product, asker, helper, other] = await Promise.all([createWritableProduct(), createWriter(), createWriter(), createWriter()]);
  const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Why is the screen flickering?", body: "Since yesterday.", language: "en" });
  const reply = await replyToPost({ actorId: helper.id, threadId: thread.threadId, body: "Check the cable." });
  const child = await replyToPost({ actorId: other.id, threadId: thread.threadId, parentPostId: reply.postId, body: "It was the cable for me." });
  return { thread, reply, child, askerId: asker.id, helperId: helper.id, otherId: other.id };
}

describe("deletePost", () => {
  it("lets the author soft-delete: text kept in the database, replies stay", async () => {
    const { reply, child, helperId } = await threadWithNestedReply();
    await deletePost({ actorId: helperId, postId: reply.postId });
    const posts = await db().post.findMany({ where: { id: { in: [reply.postId, child.postId] } }, select: { id: true, deletedAt: true, bodyMarkdown: true } });
    const byId = new Map(posts.map((post) => [post.id, post]));
    expect(byId.get(reply.postId)?.deletedAt).not.toBeNull();
    expect(byId.get(reply.postId)?.bodyMarkdown).toBe("Check the cable.");
    expect(byId.get(child.postId)?.deletedAt).toBeNull();
  });

  it("lets a moderator delete anyone's post, and deleting twice changes nothing", async () => {
    const { reply } = await threadWithNestedReply();
    const moderator = await createWriter({ role: "MODERATOR" });
    await deletePost({ actorId: moderator.id, postId: reply.postId });
    const first = await db().post.findUniqueOrThrow({ where: { id: reply.postId }, select: { deletedAt: true } });
    await deletePost({ actorId: moderator.id, postId: reply.postId });
    expect(await db().post.findUniqueOrThrow({ where: { id: reply.postId }, select: { deletedAt: true } })).toEqual(first);
  });

  it("refuses other members, the question's author included", async () => {
    const { reply, askerId, otherId } = await threadWithNestedReply();
    for (const actorId of [askerId, otherId]) {
      await expect(deletePost({ actorId, postId: reply.postId })).rejects.toSatisfy(
        (error) => isAppError(error, "FORBIDDEN") && error.details.reason === "NOT_AUTHOR",
      );
    }
    expect((await db().post.findUniqueOrThrow({ where: { id: reply.postId }, select: { deletedAt: true } })).deletedAt).toBeNull();
  });

  it("deleting the opening post deletes the thread; deleting the accepted answer unmarks it", async () => {
    const first = await threadWithNestedReply();
    await deletePost({ actorId: first.askerId, postId: first.thread.postId });
    expect((await db().thread.findUniqueOrThrow({ where: { id: first.thread.threadId }, select: { deletedAt: true } })).deletedAt).not.toBeNull();

    const second = await threadWithNestedReply();
    await acceptAnswer({ actorId: second.askerId, postId: second.reply.postId, accept: true });
    await deletePost({ actorId: second.helperId, postId: second.reply.postId });
    expect(await db().thread.findUniqueOrThrow({ where: { id: second.thread.threadId }, select: { acceptedPostId: true, deletedAt: true } })).toEqual({
      acceptedPostId: null,
      deletedAt: null,
    });
  });
});
