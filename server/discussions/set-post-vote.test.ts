import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createThread } from "./create-thread";
import { findViewerReactions } from "./find-viewer-reactions";
import { replyToPost } from "./reply-to-post";
import { setPostVote } from "./set-post-vote";

async function threadWithReply() {
  const [product, asker, helper] = await Promise.all([createWritableProduct(), createWriter(), createWriter()]);
  const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Does the charger fit the older model?", body: "Model 2019.", language: "en" });
  const reply = await replyToPost({ actorId: helper.id, threadId: thread.threadId, body: "Yes, same connector." });
  return { thread, reply, askerId: asker.id, helperId: helper.id };
}

/** The counter and the rows it counts. */
async function votesOf(postId: string) {
  const [post, rows] = await Promise.all([
    db().post.findUniqueOrThrow({ where: { id: postId }, select: { helpfulCount: true } }),
    db().postVote.count({ where: { postId } }),
  ]);
  return { helpfulCount: post.helpfulCount, rows };
}

const refusedBecause = (reason: string) => (error: unknown) => isAppError(error, "FORBIDDEN") && error.details.reason === reason;

describe("setPostVote", () => {
  it("sets the vote on, off and on again; repeating a state changes nothing", async () => {
    const { thread, reply, askerId } = await threadWithReply();
    expect(await setPostVote({ actorId: askerId, postId: reply.postId, helpful: true })).toEqual({
      threadId: thread.threadId,
      threadSlug: thread.slug,
      helpful: true,
      helpfulCount: 1,
    });
    expect((await setPostVote({ actorId: askerId, postId: reply.postId, helpful: true })).helpfulCount).toBe(1);
    expect(await votesOf(reply.postId)).toEqual({ helpfulCount: 1, rows: 1 });

    expect(await setPostVote({ actorId: askerId, postId: reply.postId, helpful: false })).toMatchObject({ helpful: false, helpfulCount: 0 });
    expect((await setPostVote({ actorId: askerId, postId: reply.postId, helpful: false })).helpfulCount).toBe(0);
    expect(await votesOf(reply.postId)).toEqual({ helpfulCount: 0, rows: 0 });

    await setPostVote({ actorId: askerId, postId: reply.postId, helpful: true });
    expect(await votesOf(reply.postId)).toEqual({ helpfulCount: 1, rows: 1 });
  });

  it("counts one vote per member, on the opening post too, and findViewerReactions reads them back in one go", async () => {
    const { thread, reply, askerId, helperId } = await threadWithReply();
    const [a, b] = await Promise.all([createWriter(), createWriter()]);
    await setPostVote({ actorId: a.id, postId: reply.postId, helpful: true });
    await setPostVote({ actorId: b.id, postId: reply.postId, helpful: true });
    await setPostVote({ actorId: helperId, postId: thread.postId, helpful: true });
    expect(await votesOf(reply.postId)).toEqual({ helpfulCount: 2, rows: 2 });
    expect(await votesOf(thread.postId)).toEqual({ helpfulCount: 1, rows: 1 });

    const ofA = await findViewerReactions(a.id, thread.threadId, [thread.postId, reply.postId]);
    expect([...ofA.helpfulPostIds]).toEqual([reply.postId]);
    const ofHelper = await findViewerReactions(helperId, thread.threadId, [thread.postId, reply.postId]);
    expect([...ofHelper.helpfulPostIds]).toEqual([thread.postId]);
    expect((await findViewerReactions(askerId, thread.threadId, [thread.postId, reply.postId])).helpfulPostIds.size).toBe(0);
    expect((await findViewerReactions(null, thread.threadId, [reply.postId])).helpfulPostIds.size).toBe(0);
  });

  it("refuses the author's own post, deleted posts, posts of deleted threads and unknown posts; allows locked threads", async () => {
    const { thread, reply, askerId, helperId } = await threadWithReply();
    await expect(setPostVote({ actorId: helperId, postId: reply.postId, helpful: true })).rejects.toSatisfy(refusedBecause("OWN_POST"));
    await expect(setPostVote({ actorId: askerId, postId: thread.postId, helpful: true })).rejects.toSatisfy(refusedBecause("OWN_POST"));
    await expect(setPostVote({ actorId: askerId, postId: "no-such-post", helpful: true })).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND"));

    await db().thread.update({ where: { id: thread.threadId }, data: { lockedAt: new Date() } });
    expect((await setPostVote({ actorId: askerId, postId: reply.postId, helpful: true })).helpfulCount).toBe(1);

    await db().post.update({ where: { id: reply.postId }, data: { deletedAt: new Date() } });
    await expect(setPostVote({ actorId: askerId, postId: reply.postId, helpful: false })).rejects.toSatisfy(refusedBecause("POST_DELETED"));

    const other = await threadWithReply();
    await db().thread.update({ where: { id: other.thread.threadId }, data: { deletedAt: new Date() } });
    await expect(setPostVote({ actorId: other.askerId, postId: other.reply.postId, helpful: true })).rejects.toSatisfy(refusedBecause("THREAD_DELETED"));
    expect(await votesOf(reply.postId)).toEqual({ helpfulCount: 1, rows: 1 });
    expect(await votesOf(other.reply.postId)).toEqual({ helpfulCount: 0, rows: 0 });
  });

  it("refuses signed-out visitors, non-members and deleted accounts before anything is written", async () => {
    const { reply } = await threadWithReply();
    const [nonMember, deleted] = await Promise.all([createWriter({ member: false }), createWriter({ deleted: true })]);
    await expect(setPostVote({ actorId: null, postId: reply.postId, helpful: true })).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    await expect(setPostVote({ actorId: nonMember.id, postId: reply.postId, helpful: true })).rejects.toSatisfy((error) => isAppError(error, "MEMBERSHIP_REQUIRED"));
    await expect(setPostVote({ actorId: deleted.id, postId: reply.postId, helpful: true })).rejects.toSatisfy((error) => isAppError(error, "ACCOUNT_DELETED"));
    expect(await votesOf(reply.postId)).toEqual({ helpfulCount: 0, rows: 0 });
  });

  it("keeps the counter equal to the votes under concurrent clicks (same and different members, on and off)", async () => {
    const { reply } = await threadWithReply();
    const voters = await Promise.all(Array.from({ length: 5 }, () => createWriter()));
    // 40 requests at once: each member sends a burst of on/off states, some repeated.
    const requests = Array.from({ length: 40 }, (_, i) => ({ actorId: voters[i % voters.length]!.id, helpful: i % 3 !== 1 }));
    const results = await Promise.allSettled(requests.map(({ actorId, helpful }) => setPostVote({ actorId, postId: reply.postId, helpful })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const after = await votesOf(reply.postId);
    expect(after.helpfulCount).toBe(after.rows);

    // Then every member settles on a final state: the count is exactly the members who said yes.
    await Promise.all(voters.map((voter, i) => setPostVote({ actorId: voter.id, postId: reply.postId, helpful: i < 3 })));
    expect(await votesOf(reply.postId)).toEqual({ helpfulCount: 3, rows: 3 });
  });
});
