import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { acceptAnswer } from "./accept-answer";
import { createThread } from "./create-thread";
import { replyToPost } from "./reply-to-post";

async function threadWithTwoReplies(kind: "QUESTION" | "TIP" = "QUESTION") {
  const [product, asker, helper, other] = await Promise.all([createWritableProduct(), createWriter(), createWriter(), createWriter()]);
  const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind, title: "Which filter fits this vacuum?", body: "Model 2024.", language: "en" });
  const first = await replyToPost({ actorId: helper.id, threadId: thread.threadId, body: "The HEPA 12." });
  const second = await replyToPost({ actorId: other.id, threadId: thread.threadId, parentPostId: first.postId, body: "HEPA 13 also fits." });
  return { thread, first, second, askerId: asker.id, helperId: helper.id };
}

const acceptedOf = async (threadId: string) => (await db().thread.findUniqueOrThrow({ where: { id: threadId }, select: { acceptedPostId: true } })).acceptedPostId;
const refusedBecause = (reason: string) => (error: unknown) => isAppError(error, "FORBIDDEN") && error.details.reason === reason;

describe("acceptAnswer", () => {
  it("the question's author accepts one reply; accepting another replaces it (nested replies too); unaccept clears it", async () => {
    const { thread, first, second, askerId } = await threadWithTwoReplies();
    await acceptAnswer({ actorId: askerId, postId: first.postId, accept: true });
    expect(await acceptedOf(thread.threadId)).toBe(first.postId);
    await acceptAnswer({ actorId: askerId, postId: second.postId, accept: true });
    expect(await acceptedOf(thread.threadId)).toBe(second.postId);
    // Unaccepting a reply that isn't the accepted one leaves the accepted one alone.
    await acceptAnswer({ actorId: askerId, postId: first.postId, accept: false });
    expect(await acceptedOf(thread.threadId)).toBe(second.postId);
    await acceptAnswer({ actorId: askerId, postId: second.postId, accept: false });
    expect(await acceptedOf(thread.threadId)).toBeNull();
  });

  it("lets a moderator accept, refuses other members (the reply's own author included)", async () => {
    const { thread, first, helperId } = await threadWithTwoReplies();
    const [moderator, admin, stranger] = await Promise.all([createWriter({ role: "MODERATOR" }), createWriter({ role: "ADMIN" }), createWriter()]);
    for (const actorId of [helperId, stranger.id]) {
      await expect(acceptAnswer({ actorId, postId: first.postId, accept: true })).rejects.toSatisfy(refusedBecause("NOT_QUESTION_AUTHOR"));
    }
    expect(await acceptedOf(thread.threadId)).toBeNull();
    await acceptAnswer({ actorId: moderator.id, postId: first.postId, accept: true });
    expect(await acceptedOf(thread.threadId)).toBe(first.postId);
    await acceptAnswer({ actorId: admin.id, postId: first.postId, accept: false });
    expect(await acceptedOf(thread.threadId)).toBeNull();
  });

  it("refuses the opening post, a deleted reply, and threads that are not questions", async () => {
    const { thread, first, askerId } = await threadWithTwoReplies();
    await expect(acceptAnswer({ actorId: askerId, postId: thread.postId, accept: true })).rejects.toSatisfy(refusedBecause("NOT_A_REPLY"));
    await db().post.update({ where: { id: first.postId }, data: { deletedAt: new Date() } });
    await expect(acceptAnswer({ actorId: askerId, postId: first.postId, accept: true })).rejects.toSatisfy(refusedBecause("POST_DELETED"));
    expect(await acceptedOf(thread.threadId)).toBeNull();

    const tip = await threadWithTwoReplies("TIP");
    await expect(acceptAnswer({ actorId: tip.askerId, postId: tip.first.postId, accept: true })).rejects.toSatisfy(refusedBecause("NOT_A_QUESTION"));
    expect(await acceptedOf(tip.thread.threadId)).toBeNull();
  });
});
