/**
 * The authorization matrix for every discussion write, called directly (as the server actions do,
 * with the signed-in person's id or null): the UI hiding a button is never what protects a write.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError, type AppErrorCode } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { acceptAnswer } from "./accept-answer";
import { createThread } from "./create-thread";
import { deletePost } from "./delete-post";
import { editPost } from "./edit-post";
import { replyToPost } from "./reply-to-post";
import { setMeToo } from "./set-me-too";
import { setPostVote } from "./set-post-vote";

type Viewer = "signedOut" | "nonMember" | "deletedAccount" | "questionAuthor" | "replyAuthor" | "otherMember" | "moderator";
type Write = "ask" | "reply" | "editReply" | "deleteReply" | "acceptReply" | "voteReply" | "meToo";
type Expected = "allowed" | AppErrorCode;

// Rows: who acts. Columns: what they try. Each cell runs on a fresh thread.
const MATRIX: Record<Viewer, Record<Write, Expected>> = {
  signedOut: { ask: "SIGN_IN_REQUIRED", reply: "SIGN_IN_REQUIRED", editReply: "SIGN_IN_REQUIRED", deleteReply: "SIGN_IN_REQUIRED", acceptReply: "SIGN_IN_REQUIRED", voteReply: "SIGN_IN_REQUIRED", meToo: "SIGN_IN_REQUIRED" },
  nonMember: { ask: "MEMBERSHIP_REQUIRED", reply: "MEMBERSHIP_REQUIRED", editReply: "MEMBERSHIP_REQUIRED", deleteReply: "MEMBERSHIP_REQUIRED", acceptReply: "MEMBERSHIP_REQUIRED", voteReply: "MEMBERSHIP_REQUIRED", meToo: "MEMBERSHIP_REQUIRED" },
  deletedAccount: { ask: "ACCOUNT_DELETED", reply: "ACCOUNT_DELETED", editReply: "ACCOUNT_DELETED", deleteReply: "ACCOUNT_DELETED", acceptReply: "ACCOUNT_DELETED", voteReply: "ACCOUNT_DELETED", meToo: "ACCOUNT_DELETED" },
  questionAuthor: { ask: "allowed", reply: "allowed", editReply: "FORBIDDEN", deleteReply: "FORBIDDEN", acceptReply: "allowed", voteReply: "allowed", meToo: "FORBIDDEN" },
  replyAuthor: { ask: "allowed", reply: "allowed", editReply: "allowed", deleteReply: "allowed", acceptReply: "FORBIDDEN", voteReply: "FORBIDDEN", meToo: "allowed" },
  otherMember: { ask: "allowed", reply: "allowed", editReply: "FORBIDDEN", deleteReply: "FORBIDDEN", acceptReply: "FORBIDDEN", voteReply: "allowed", meToo: "allowed" },
  moderator: { ask: "allowed", reply: "allowed", editReply: "FORBIDDEN", deleteReply: "allowed", acceptReply: "allowed", voteReply: "allowed", meToo: "allowed" },
};

async function scene() {
  const [product, asker, helper, nonMember, deletedAccount, other, moderator] = await Promise.all([
    createWritableProduct(),
    createWriter(),
    createWriter(),
    createWriter({ member: false }),
    createWriter({ deleted: true }),
    createWriter(),
    createWriter({ role: "MODERATOR" }),
  ]);
  const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Can I wash the cover at 60 °C?", body: "The label is gone.", language: "en" });
  const reply = await replyToPost({ actorId: helper.id, threadId: thread.threadId, body: "Yes, 40 °C to be safe." });
  const actors: Record<Viewer, string | null> = {
    signedOut: null,
    nonMember: nonMember.id,
    deletedAccount: deletedAccount.id,
    questionAuthor: asker.id,
    replyAuthor: helper.id,
    otherMember: other.id,
    moderator: moderator.id,
  };
  return { product, thread, reply, actors };
}

type Scene = Awaited<ReturnType<typeof scene>>;

const WRITES: Record<Write, (scene: Scene, actorId: string | null) => Promise<unknown>> = {
  ask: ({ product }, actorId) => createThread({ actorId, productSlug: product.slug, kind: "TIP", title: "Wash it inside out, it lasts", body: "Trust me.", language: "en" }),
  reply: ({ thread }, actorId) => replyToPost({ actorId, threadId: thread.threadId, parentPostId: undefined, body: "Matrix reply" }),
  editReply: ({ reply }, actorId) => editPost({ actorId, postId: reply.postId, body: "Matrix edit" }),
  deleteReply: ({ reply }, actorId) => deletePost({ actorId, postId: reply.postId }),
  acceptReply: ({ reply }, actorId) => acceptAnswer({ actorId, postId: reply.postId, accept: true }),
  voteReply: ({ reply }, actorId) => setPostVote({ actorId, postId: reply.postId, helpful: true }),
  meToo: ({ thread }, actorId) => setMeToo({ actorId, threadId: thread.threadId, meToo: true }),
};

/** What each write leaves behind, to check a refused write changed nothing. */
async function snapshot({ product, thread, reply }: Scene) {
  const [threads, replyRow, threadRow, revisions] = await Promise.all([
    db().thread.count({ where: { productId: product.id } }),
    db().post.findUniqueOrThrow({ where: { id: reply.postId }, select: { bodyMarkdown: true, deletedAt: true, helpfulCount: true } }),
    db().thread.findUniqueOrThrow({ where: { id: thread.threadId }, select: { replyCount: true, acceptedPostId: true, meTooCount: true } }),
    db().postRevision.count({ where: { postId: reply.postId } }),
  ]);
  return { threads, replyRow, threadRow, revisions, posts: await db().post.count({ where: { threadId: thread.threadId } }) };
}

describe("discussion writes: authorization matrix", () => {
  const cells = Object.entries(MATRIX).flatMap(([viewer, row]) => Object.entries(row).map(([write, expected]) => ({ viewer: viewer as Viewer, write: write as Write, expected })));

  it.each(cells)("$viewer → $write: $expected", async ({ viewer, write, expected }) => {
    const current = await scene();
    const before = await snapshot(current);
    const outcome = await WRITES[write](current, current.actors[viewer]).then(
      () => "allowed" as const,
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
    expect(outcome).toBe(expected);
    if (expected !== "allowed") expect(await snapshot(current)).toEqual(before);
    else expect(await snapshot(current)).not.toEqual(before);
  });
});
