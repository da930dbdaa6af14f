import { describe, expect, it } from "vitest";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createThread } from "./create-thread";
import { findPostPermissionFacts } from "./find-post-permission-facts";
import { replyToPost } from "./reply-to-post";

describe("findPostPermissionFacts", () => {
  it("answers each of many concurrent lookups with its own post's facts, and null for an unknown post", async () => {
    const [product, asker, helper] = await Promise.all([createWritableProduct(), createWriter(), createWriter()]);
    const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Is the stand height adjustable?", body: "Looking to buy.", language: "en" });
    const reply = await replyToPost({ actorId: helper.id, threadId: thread.threadId, body: "Yes, by 12 cm." });

    const [opening, answer, unknown] = await Promise.all([
      findPostPermissionFacts(thread.postId),
      findPostPermissionFacts(reply.postId),
      findPostPermissionFacts("no-such-post"),
    ]);
    const threadFacts = { id: thread.threadId, slug: thread.slug, kind: "QUESTION", authorId: asker.id, acceptedPostId: null, deletedAt: null };
    expect(opening).toEqual({ id: thread.postId, authorId: asker.id, isOpening: true, editedAt: null, deletedAt: null, visibility: "VISIBLE", thread: threadFacts });
    expect(answer).toEqual({ id: reply.postId, authorId: helper.id, isOpening: false, editedAt: null, deletedAt: null, visibility: "VISIBLE", thread: threadFacts });
    expect(unknown).toBeNull();
  });
});
