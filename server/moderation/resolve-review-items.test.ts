import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createTestReply, createTestThread } from "@/test/fixtures/discussion-threads";
import { claimReviewItem } from "./claim-review-item";
import { flagPost } from "./flag-post";
import { listReviewQueue } from "./list-review-queue";
import { openReviewItem } from "./open-review-item";
import { resolveReviewItems } from "./resolve-review-items";

/** A reply by a fresh author, flagged past the threshold by three members: hidden, one OPEN item. */
async function flaggedReply(productId?: string) {
  const product = productId ? { id: productId } : await createWritableProduct();
  const [author, asker, ...flaggers] = await Promise.all([createWriter(), createWriter(), createWriter(), createWriter(), createWriter()]);
  const thread = await createTestThread({ productId: product.id, authorId: asker.id });
  const reply = await createTestReply(thread.id, author.id, null);
  await flagPost({ actorId: flaggers[0]!.id, postId: reply.id, reason: "SPAM" });
  await flagPost({ actorId: flaggers[1]!.id, postId: reply.id, reason: "SPAM" });
  await flagPost({ actorId: flaggers[2]!.id, postId: reply.id, reason: "OTHER", note: "Link to a scam shop" });
  const item = await db().reviewItem.findFirstOrThrow({ where: { postId: reply.id, status: "OPEN" }, select: { id: true } });
  return { productId: product.id, author, thread, postId: reply.id, itemId: item.id };
}

const moderator = () => createWriter({ role: "MODERATOR" });

describe("resolveReviewItems", () => {
  it("bulk approve: posts visible again, items APPROVED with resolver and reason, flags linked, one audit row and one notice per item", async () => {
    const [mod, first, second] = await Promise.all([moderator(), flaggedReply(), flaggedReply()]);
    expect((await db().post.findUniqueOrThrow({ where: { id: first.postId } })).visibility).toBe("PENDING_REVIEW");

    const result = await resolveReviewItems({ actorId: mod.id, ids: [first.itemId, second.itemId], decision: "approve", reason: "Not spam", requestId: "req-approve-1" });
    expect(result).toMatchObject({ resolved: 2, skipped: 0 });

    for (const case_ of [first, second]) {
      const post = await db().post.findUniqueOrThrow({ where: { id: case_.postId }, select: { visibility: true } });
      expect(post.visibility).toBe("VISIBLE");
      const item = await db().reviewItem.findUniqueOrThrow({ where: { id: case_.itemId } });
      expect(item).toMatchObject({ status: "APPROVED", resolvedById: mod.id, resolutionReason: "Not spam" });
      expect(await db().postFlag.count({ where: { postId: case_.postId, reviewItemId: case_.itemId } })).toBe(3);
      const audit = await db().auditLogEntry.findMany({ where: { targetId: case_.postId } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: mod.id, action: "post.approve", targetType: "post", reason: "Not spam", requestId: "req-approve-1" });
      expect(audit[0]!.before).toMatchObject({ visibility: "PENDING_REVIEW" });
      expect(audit[0]!.after).toMatchObject({ visibility: "VISIBLE" });
      const notice = await db().moderationNotice.findFirstOrThrow({ where: { userId: case_.author.id }, include: { notification: true } });
      expect(notice).toMatchObject({ kind: "POST_APPROVED", postId: case_.postId, createdById: mod.id });
      expect(notice.notification).toMatchObject({ userId: case_.author.id, reason: "MODERATOR_MESSAGE" });
    }
  });

  it("hide needs a reason; resolving an already resolved item again is skipped, never done twice", async () => {
    const [mod, flagged] = await Promise.all([moderator(), flaggedReply()]);
    await expect(resolveReviewItems({ actorId: mod.id, ids: [flagged.itemId], decision: "hide", reason: "", requestId: "r" })).rejects.toSatisfy(
      (e) => isAppError(e, "INVALID_INPUT") && e.details.field === "reason",
    );
    await resolveReviewItems({ actorId: mod.id, ids: [flagged.itemId], decision: "hide", reason: "Advertising", requestId: "r1" });
    expect((await db().post.findUniqueOrThrow({ where: { id: flagged.postId } })).visibility).toBe("HIDDEN");
    const again = await resolveReviewItems({ actorId: mod.id, ids: [flagged.itemId], decision: "approve", requestId: "r2" });
    expect(again).toMatchObject({ resolved: 0, skipped: 1 });
    expect((await db().post.findUniqueOrThrow({ where: { id: flagged.postId } })).visibility).toBe("HIDDEN");
    expect(await db().auditLogEntry.count({ where: { targetId: flagged.postId } })).toBe(1);
    expect(await db().moderationNotice.findFirst({ where: { userId: flagged.author.id }, select: { kind: true, reason: true } })).toEqual({ kind: "POST_HIDDEN", reason: "Advertising" });
  });

  it("delete soft-deletes (an opening post takes its thread); edit keeps the old body as a revision and shows the new one", async () => {
    const [mod, product, author, flagger] = await Promise.all([moderator(), createWritableProduct(), createWriter(), createWriter()]);
    const thread = await createTestThread({ productId: product.id, authorId: author.id });
    const openingId = thread.posts[0]!.id;
    await flagPost({ actorId: flagger.id, postId: openingId, reason: "ABUSIVE" });
    const item = await db().reviewItem.findFirstOrThrow({ where: { postId: openingId } });
    await resolveReviewItems({ actorId: mod.id, ids: [item.id], decision: "delete", reason: "Insults", requestId: "r" });
    expect((await db().post.findUniqueOrThrow({ where: { id: openingId } })).deletedAt).not.toBeNull();
    expect((await db().thread.findUniqueOrThrow({ where: { id: thread.id } })).deletedAt).not.toBeNull();
    expect(await db().auditLogEntry.findFirst({ where: { targetId: openingId }, select: { action: true } })).toEqual({ action: "post.delete" });

    const flagged = await flaggedReply();
    const before = await db().post.findUniqueOrThrow({ where: { id: flagged.postId }, select: { bodyMarkdown: true } });
    await expect(resolveReviewItems({ actorId: mod.id, ids: [flagged.itemId, item.id], decision: "edit", reason: "Removed the link", body: "x", requestId: "r" })).rejects.toSatisfy(
      (e) => isAppError(e, "INVALID_INPUT"),
    );
    await resolveReviewItems({ actorId: mod.id, ids: [flagged.itemId], decision: "edit", reason: "Removed the link", body: "Fixed **text**", requestId: "r" });
    const post = await db().post.findUniqueOrThrow({ where: { id: flagged.postId }, select: { bodyMarkdown: true, bodyHtml: true, visibility: true, editedAt: true } });
    expect(post).toMatchObject({ bodyMarkdown: "Fixed **text**", visibility: "VISIBLE" });
    expect(post.bodyHtml).toContain("<strong>text</strong>");
    expect(await db().postRevision.findFirst({ where: { postId: flagged.postId }, select: { bodyMarkdown: true, editorId: true } })).toEqual({ bodyMarkdown: before.bodyMarkdown, editorId: mod.id });
    const audit = await db().auditLogEntry.findFirstOrThrow({ where: { targetId: flagged.postId } });
    expect(audit.before).toMatchObject({ bodyMarkdown: before.bodyMarkdown });
    expect(audit.after).toMatchObject({ bodyMarkdown: "Fixed **text**" });
  });

  it("refuses members and signed-out people, and writes nothing", async () => {
    const [member, flagged] = await Promise.all([createWriter(), flaggedReply()]);
    await expect(resolveReviewItems({ actorId: member.id, ids: [flagged.itemId], decision: "approve", requestId: "r" })).rejects.toSatisfy((e) => isAppError(e, "FORBIDDEN"));
    await expect(resolveReviewItems({ actorId: null, ids: [flagged.itemId], decision: "approve", requestId: "r" })).rejects.toSatisfy((e) => isAppError(e, "SIGN_IN_REQUIRED"));
    expect((await db().reviewItem.findUniqueOrThrow({ where: { id: flagged.itemId } })).status).toBe("OPEN");
  });
});

describe("claimReviewItem", () => {
  it("claims, shows who, refuses another moderator, unclaims; each change audited", async () => {
    const [mod, other, flagged] = await Promise.all([moderator(), moderator(), flaggedReply()]);
    expect(await claimReviewItem({ actorId: mod.id, reviewItemId: flagged.itemId, claim: true, requestId: "r" })).toEqual({ claimedBy: { id: mod.id, displayName: mod.displayName } });
    await expect(claimReviewItem({ actorId: other.id, reviewItemId: flagged.itemId, claim: true, requestId: "r" })).rejects.toSatisfy(
      (e) => isAppError(e, "FORBIDDEN") && e.details.reason === "CLAIMED_BY_OTHER",
    );
    expect(await claimReviewItem({ actorId: mod.id, reviewItemId: flagged.itemId, claim: false, requestId: "r" })).toEqual({ claimedBy: null });
    const actions = await db().auditLogEntry.findMany({ where: { targetId: flagged.itemId }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(actions).toEqual([{ action: "review.claim", actorId: mod.id }, { action: "review.unclaim", actorId: mod.id }]);
  });
});

describe("listReviewQueue", () => {
  it("lists open items oldest first with flag counts per reason and notes, filters by product, reason and age, pages by keyset", async () => {
    const [mod, product] = await Promise.all([moderator(), createWritableProduct()]);
    const productSlug = (await db().product.findUniqueOrThrow({ where: { id: product.id }, select: { slug: true } })).slug;
    const first = await flaggedReply(product.id);
    const second = await flaggedReply(product.id);
    await claimReviewItem({ actorId: mod.id, reviewItemId: second.itemId, claim: true, requestId: "r" });

    const page = await listReviewQueue(mod.id, { product: productSlug });
    expect(page.items.map((item) => item.id)).toEqual([first.itemId, second.itemId]);
    expect(page.items[0]).toMatchObject({ kind: "FLAGGED", flagCount: 3, flagNotes: ["Link to a scam shop"], claimedBy: null, post: { id: first.postId, visibility: "PENDING_REVIEW" } });
    expect(page.items[0]!.flagReasons).toEqual([{ reason: "SPAM", count: 2 }, { reason: "OTHER", count: 1 }]);
    expect(page.items[1]!.claimedBy).toEqual({ id: mod.id, displayName: mod.displayName });

    expect((await listReviewQueue(mod.id, { product: productSlug, reason: "ABUSIVE" })).items).toEqual([]);
    expect((await listReviewQueue(mod.id, { product: productSlug, reason: "OTHER" })).items).toHaveLength(2);
    expect((await listReviewQueue(mod.id, { product: productSlug, reason: "PRE_MODERATION" })).items).toEqual([]);
    expect((await listReviewQueue(mod.id, { product: productSlug, age: "1d" })).items).toEqual([]);
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect((await listReviewQueue(mod.id, { product: productSlug, age: "1d" }, later)).items).toHaveLength(2);

    const cursor = `${page.items[0]!.openedAt.toISOString()}_${page.items[0]!.id}`;
    expect((await listReviewQueue(mod.id, { product: productSlug, after: cursor })).items.map((item) => item.id)).toEqual([second.itemId]);

    await resolveReviewItems({ actorId: mod.id, ids: [first.itemId], decision: "approve", requestId: "r" });
    expect((await listReviewQueue(mod.id, { product: productSlug })).items.map((item) => item.id)).toEqual([second.itemId]);
  });

  it("a pre-moderation item shows up under PRE_MODERATION", async () => {
    const [mod, product, author] = await Promise.all([moderator(), createWritableProduct(), createWriter()]);
    const thread = await createTestThread({ productId: product.id, authorId: author.id });
    await openReviewItem(db() as never, thread.posts[0]!.id, "PRE_MODERATION");
    const slug = (await db().product.findUniqueOrThrow({ where: { id: product.id }, select: { slug: true } })).slug;
    const page = await listReviewQueue(mod.id, { product: slug, reason: "PRE_MODERATION" });
    expect(page.items.map((item) => item.kind)).toEqual(["PRE_MODERATION"]);
    expect(page.items[0]!.flagCount).toBe(0);
  });
});
