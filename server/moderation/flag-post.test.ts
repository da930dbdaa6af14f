import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createTestThread } from "@/test/fixtures/discussion-threads";
import { FLAG_RATE_LIMIT, flagPost } from "./flag-post";

async function postByNewAuthor() {
  const [product, author] = await Promise.all([createWritableProduct(), createWriter()]);
  const thread = await createTestThread({ productId: product.id, authorId: author.id });
  return { author, product, thread, postId: thread.posts[0]!.id };
}

const visibilityOf = async (postId: string) => (await db().post.findUniqueOrThrow({ where: { id: postId }, select: { visibility: true } })).visibility;

describe("flagPost", () => {
  it("opens one review item below the threshold and keeps the post visible; the third flag hides it", async () => {
    const { postId } = await postByNewAuthor();
    const [a, b, c] = await Promise.all([createWriter(), createWriter(), createWriter()]);

    expect(await flagPost({ actorId: a.id, postId, reason: "SPAM" })).toEqual({ hidden: false });
    expect(await flagPost({ actorId: b.id, postId, reason: "ABUSIVE" })).toEqual({ hidden: false });
    expect(await visibilityOf(postId)).toBe("VISIBLE");
    const items = await db().reviewItem.findMany({ where: { postId }, select: { kind: true, status: true } });
    expect(items).toEqual([{ kind: "FLAGGED", status: "OPEN" }]);

    expect(await flagPost({ actorId: c.id, postId, reason: "OTHER", note: "Sells fake chargers" })).toEqual({ hidden: true });
    expect(await visibilityOf(postId)).toBe("PENDING_REVIEW");
    expect(await db().reviewItem.count({ where: { postId } })).toBe(1);
    const flags = await db().postFlag.findMany({ where: { postId }, select: { reason: true, note: true, reviewItemId: true } });
    expect(flags).toHaveLength(3);
    expect(flags.every((flag) => flag.reviewItemId === null)).toBe(true);
    expect(flags.find((flag) => flag.reason === "OTHER")?.note).toBe("Sells fake chargers");
    // Flags are members' actions: nothing in the moderators' audit log.
    expect(await db().auditLogEntry.count({ where: { targetId: postId } })).toBe(0);
  });

  it("counts concurrent flags correctly (row lock on the post): three at once hide it, one review item", async () => {
    const { postId } = await postByNewAuthor();
    const flaggers = await Promise.all([createWriter(), createWriter(), createWriter()]);
    const results = await Promise.all(flaggers.map((flagger) => flagPost({ actorId: flagger.id, postId, reason: "SPAM" })));
    expect(results.filter((result) => result.hidden)).toHaveLength(1);
    expect(await visibilityOf(postId)).toBe("PENDING_REVIEW");
    expect(await db().reviewItem.count({ where: { postId, status: "OPEN" } })).toBe(1);
  });

  it("takes one flag per member per post: the second is ALREADY_FLAGGED and writes nothing", async () => {
    const { postId } = await postByNewAuthor();
    const flagger = await createWriter();
    await flagPost({ actorId: flagger.id, postId, reason: "SPAM" });
    await expect(flagPost({ actorId: flagger.id, postId, reason: "ABUSIVE" })).rejects.toSatisfy(
      (error) => isAppError(error, "FORBIDDEN") && error.details.reason === "ALREADY_FLAGGED" && !String((error as Error).message).includes("PostFlag"),
    );
    expect(await db().postFlag.count({ where: { postId } })).toBe(1);
  });

  it("refuses the author's own post, a deleted or hidden post, an unknown one, signed-out people and non-members", async () => {
    const { postId, author } = await postByNewAuthor();
    const [nonMember, flagger] = await Promise.all([createWriter({ member: false }), createWriter()]);
    await expect(flagPost({ actorId: author.id, postId, reason: "SPAM" })).rejects.toSatisfy((e) => isAppError(e, "FORBIDDEN") && e.details.reason === "OWN_POST");
    await expect(flagPost({ actorId: null, postId, reason: "SPAM" })).rejects.toSatisfy((e) => isAppError(e, "SIGN_IN_REQUIRED"));
    await expect(flagPost({ actorId: nonMember.id, postId, reason: "SPAM" })).rejects.toSatisfy((e) => isAppError(e, "MEMBERSHIP_REQUIRED"));
    await expect(flagPost({ actorId: flagger.id, postId: "cnosuchpost000000000000000", reason: "SPAM" })).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));

    const deleted = await postByNewAuthor();
    await db().post.update({ where: { id: deleted.postId }, data: { deletedAt: new Date() } });
    await expect(flagPost({ actorId: flagger.id, postId: deleted.postId, reason: "SPAM" })).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
    const hidden = await postByNewAuthor();
    await db().post.update({ where: { id: hidden.postId }, data: { visibility: "HIDDEN" } });
    await expect(flagPost({ actorId: flagger.id, postId: hidden.postId, reason: "SPAM" })).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
    expect(await db().postFlag.count({ where: { flaggerId: flagger.id } })).toBe(0);
  });

  it("requires a note for OTHER and keeps notes to 500 characters", async () => {
    const { postId } = await postByNewAuthor();
    const flagger = await createWriter();
    await expect(flagPost({ actorId: flagger.id, postId, reason: "OTHER" })).rejects.toSatisfy((e) => isAppError(e, "INVALID_INPUT") && e.details.field === "note");
    await expect(flagPost({ actorId: flagger.id, postId, reason: "OTHER", note: "   " })).rejects.toSatisfy((e) => isAppError(e, "INVALID_INPUT"));
    await expect(flagPost({ actorId: flagger.id, postId, reason: "SPAM", note: "x".repeat(501) })).rejects.toSatisfy((e) => isAppError(e, "INVALID_INPUT") && e.details.field === "note");
    await expect(flagPost({ actorId: flagger.id, postId, reason: "NOPE" as "SPAM" })).rejects.toSatisfy((e) => isAppError(e, "INVALID_INPUT") && e.details.field === "reason");
    expect(await db().postFlag.count({ where: { postId } })).toBe(0);
  });

  it("limits a member to 10 flags an hour (RATE_LIMITED with retryAt), then lets them flag again", async () => {
    const flagger = await createWriter();
    const posts = await Promise.all(Array.from({ length: FLAG_RATE_LIMIT.max + 1 }, () => postByNewAuthor()));
    const start = new Date();
    for (const { postId } of posts.slice(0, FLAG_RATE_LIMIT.max)) await flagPost({ actorId: flagger.id, postId, reason: "SPAM" }, start);
    const last = posts[FLAG_RATE_LIMIT.max]!.postId;
    await expect(flagPost({ actorId: flagger.id, postId: last, reason: "SPAM" }, start)).rejects.toSatisfy(
      (e) => isAppError(e, "RATE_LIMITED") && typeof e.details.retryAt === "string" && new Date(e.details.retryAt as string) > start,
    );
    const later = new Date(start.getTime() + FLAG_RATE_LIMIT.windowMs + 1000);
    await expect(flagPost({ actorId: flagger.id, postId: last, reason: "SPAM" }, later)).resolves.toEqual({ hidden: false });
  });
});
