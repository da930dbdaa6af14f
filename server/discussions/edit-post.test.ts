import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createThread } from "./create-thread";
import { editPost } from "./edit-post";
import { listPostRevisions } from "./list-post-revisions";
import { replyToPost } from "./reply-to-post";

async function threadWithReply() {
  const [product, asker, helper] = await Promise.all([createWritableProduct(), createWriter(), createWriter()]);
  const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Original title of the question", body: "Original question", language: "en" });
  const reply = await replyToPost({ actorId: helper.id, threadId: thread.threadId, body: "Original answer" });
  return { thread, reply, askerId: asker.id, helperId: helper.id };
}

describe("editPost and listPostRevisions", () => {
  it("keeps every earlier version (with the title for an opening post), newest first, and sets editedAt", async () => {
    const { thread, askerId } = await threadWithReply();
    await editPost({ actorId: askerId, postId: thread.postId, title: "Second title of the question", body: "Second *question*" });
    await editPost({ actorId: askerId, postId: thread.postId, title: "Third title of the question", body: "Third question" });

    const current = await db().post.findUniqueOrThrow({ where: { id: thread.postId }, select: { bodyMarkdown: true, bodyHtml: true, editedAt: true, thread: { select: { title: true, slug: true } } } });
    expect(current.bodyMarkdown).toBe("Third question");
    expect(current.editedAt).not.toBeNull();
    expect(current.thread).toEqual({ title: "Third title of the question", slug: thread.slug });

    const history = await listPostRevisions(thread.postId);
    expect(history?.revisions.total).toBe(2);
    expect(history?.revisions.items.map(({ revision, title, bodyMarkdown }) => ({ revision, title, bodyMarkdown }))).toEqual([
      { revision: 2, title: "Second title of the question", bodyMarkdown: "Second *question*" },
      { revision: 1, title: "Original title of the question", bodyMarkdown: "Original question" },
    ]);
  });

  it("re-renders the stored HTML and keeps no title on a reply's revisions", async () => {
    const { reply, helperId } = await threadWithReply();
    await editPost({ actorId: helperId, postId: reply.postId, body: "Now with **bold**" });
    const post = await db().post.findUniqueOrThrow({ where: { id: reply.postId }, select: { bodyHtml: true } });
    expect(post.bodyHtml).toContain("<strong>bold</strong>");
    const history = await listPostRevisions(reply.postId);
    expect(history?.revisions.items).toMatchObject([{ revision: 1, title: null, bodyMarkdown: "Original answer" }]);
  });

  it("refuses anyone but the author, moderators included, and changes nothing", async () => {
    const { reply, askerId } = await threadWithReply();
    const moderator = await createWriter({ role: "MODERATOR" });
    for (const actorId of [askerId, moderator.id]) {
      await expect(editPost({ actorId, postId: reply.postId, body: "Hijacked" })).rejects.toSatisfy(
        (error) => isAppError(error, "FORBIDDEN") && error.details.reason === "NOT_AUTHOR",
      );
    }
    const post = await db().post.findUniqueOrThrow({ where: { id: reply.postId }, select: { bodyMarkdown: true, editedAt: true, _count: { select: { revisions: true } } } });
    expect(post).toEqual({ bodyMarkdown: "Original answer", editedAt: null, _count: { revisions: 0 } });
  });

  it("refuses to edit a deleted post, and an opening post without a title", async () => {
    const { thread, reply, askerId, helperId } = await threadWithReply();
    await db().post.update({ where: { id: reply.postId }, data: { deletedAt: new Date() } });
    await expect(editPost({ actorId: helperId, postId: reply.postId, body: "Back from the dead" })).rejects.toSatisfy(
      (error) => isAppError(error, "FORBIDDEN") && error.details.reason === "POST_DELETED",
    );
    await expect(editPost({ actorId: askerId, postId: thread.postId, body: "No title given" })).rejects.toSatisfy(
      (error) => isAppError(error, "INVALID_INPUT") && error.details.field === "title",
    );
    expect(await db().postRevision.count({ where: { postId: { in: [thread.postId, reply.postId] } } })).toBe(0);
  });

  it("hides the versions of a deleted post and answers null for an unknown one", async () => {
    const { reply, helperId } = await threadWithReply();
    await editPost({ actorId: helperId, postId: reply.postId, body: "Edited once" });
    await db().post.update({ where: { id: reply.postId }, data: { deletedAt: new Date() } });
    const history = await listPostRevisions(reply.postId);
    expect(history?.post.bodyMarkdown).toBe("");
    expect(history?.revisions.items).toEqual([]);
    expect(await listPostRevisions("no-such-post")).toBeNull();
  });
});
