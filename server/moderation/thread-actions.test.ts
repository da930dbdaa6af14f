import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createThread } from "@/server/discussions/create-thread";
import { getThread } from "@/server/discussions/get-thread";
import { listProductThreads } from "@/server/discussions/list-product-threads";
import { replyToPost } from "@/server/discussions/reply-to-post";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { lockThread } from "./lock-thread";
import { moveThread } from "./move-thread";
import { pinThread } from "./pin-thread";

const requestId = "test-thread-actions";

async function scene() {
  const [product, asker, moderator] = await Promise.all([createWritableProduct(), createWriter(), createWriter({ role: "MODERATOR" })]);
  const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Does the lid fit the K3?", body: "Asking before buying.", language: "en" });
  return { product, asker, moderator, thread };
}

const auditOf = (actorId: string) =>
  db().auditLogEntry.findMany({ where: { actorId }, orderBy: { id: "asc" }, select: { action: true, targetId: true, reason: true, before: true, after: true } });

describe("lockThread", () => {
  it("locks (replies refused), unlocks (replies accepted), with audit rows and a notice to the author when locking", async () => {
    const { asker, moderator, thread } = await scene();
    const replier = await createWriter();
    expect(await lockThread({ actorId: moderator.id, threadId: thread.threadId, locked: true, reason: "Heated", requestId })).toMatchObject({ changed: true });
    expect((await getThread(thread.threadId))?.isLocked).toBe(true);
    await expect(replyToPost({ actorId: replier.id, threadId: thread.threadId, body: "Still here." })).rejects.toSatisfy(
      (error) => isAppError(error, "FORBIDDEN") && error.details.reason === "THREAD_LOCKED",
    );
    // Locking again changes nothing and records nothing.
    expect(await lockThread({ actorId: moderator.id, threadId: thread.threadId, locked: true, reason: "Heated", requestId })).toMatchObject({ changed: false });
    await lockThread({ actorId: moderator.id, threadId: thread.threadId, locked: false, reason: "Calmer now", requestId });
    await replyToPost({ actorId: replier.id, threadId: thread.threadId, body: "Thanks." });

    const audit = await auditOf(moderator.id);
    expect(audit.map((row) => [row.action, row.targetId, row.reason])).toEqual([
      ["thread.lock", thread.threadId, "Heated"],
      ["thread.unlock", thread.threadId, "Calmer now"],
    ]);
    expect(audit[0]!.before).toEqual({ lockedAt: null });
    expect(audit[1]!.after).toEqual({ lockedAt: null });
    expect(await db().moderationNotice.findMany({ where: { userId: asker.id }, select: { kind: true, reason: true, threadId: true } })).toEqual([
      { kind: "THREAD_LOCKED", reason: "Heated", threadId: thread.threadId },
    ]);
  });

  it("refuses members and unknown threads", async () => {
    const { asker, moderator, thread } = await scene();
    await expect(lockThread({ actorId: asker.id, threadId: thread.threadId, locked: true, reason: "Mine", requestId })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
    await expect(lockThread({ actorId: moderator.id, threadId: "nosuchthread1", locked: true, reason: "Heated", requestId })).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND"));
    expect((await getThread(thread.threadId))?.isLocked).toBe(false);
  });
});

describe("pinThread", () => {
  it("puts pinned threads first in the product's list, unpinning restores activity order; audited", async () => {
    const { product, asker, moderator, thread } = await scene();
    const newer = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "TIP", title: "Descale it monthly", body: "Vinegar works.", language: "en" });
    const order = async () => (await listProductThreads({ productSlug: product.slug, filter: "all", page: 1, pageSize: 20 })).items.map((item) => item.id);
    expect(await order()).toEqual([newer.threadId, thread.threadId]);
    await pinThread({ actorId: moderator.id, threadId: thread.threadId, pinned: true, reason: "Frequent question", requestId });
    expect(await order()).toEqual([thread.threadId, newer.threadId]);
    await pinThread({ actorId: moderator.id, threadId: thread.threadId, pinned: false, reason: "Answered in the FAQ", requestId });
    expect(await order()).toEqual([newer.threadId, thread.threadId]);
    expect((await auditOf(moderator.id)).map((row) => row.action)).toEqual(["thread.pin", "thread.unpin"]);
    await expect(pinThread({ actorId: asker.id, threadId: thread.threadId, pinned: true, reason: "Mine", requestId })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
  });
});

describe("moveThread", () => {
  it("moves a thread to another product: same id and slug, lists follow, events keep their snapshot; audited and the author told", async () => {
    const { product, asker, moderator, thread } = await scene();
    const other = await createWritableProduct();
    const eventBefore = await db().notificationEvent.findFirstOrThrow({ where: { threadId: thread.threadId }, select: { id: true, productId: true } });
    const result = await moveThread({ actorId: moderator.id, threadId: thread.threadId, productSlug: other.slug, reason: "Wrong product", requestId });
    expect(result).toMatchObject({ threadId: thread.threadId, threadSlug: thread.slug, changed: true, fromProductSlug: product.slug, toProductSlug: other.slug });

    const moved = await getThread(thread.threadId);
    expect(moved?.slug).toBe(thread.slug);
    expect(moved?.product.slug).toBe(other.slug);
    expect((await listProductThreads({ productSlug: product.slug, filter: "all", page: 1, pageSize: 20 })).items).toHaveLength(0);
    expect((await listProductThreads({ productSlug: other.slug, filter: "all", page: 1, pageSize: 20 })).items.map((item) => item.id)).toEqual([thread.threadId]);
    expect((await db().notificationEvent.findUniqueOrThrow({ where: { id: eventBefore.id }, select: { productId: true } })).productId).toBe(product.id);

    const [audit] = await auditOf(moderator.id);
    expect(audit).toMatchObject({ action: "thread.move", before: { productSlug: product.slug }, after: { productSlug: other.slug }, reason: "Wrong product" });
    expect(await db().moderationNotice.count({ where: { userId: asker.id, kind: "THREAD_MOVED" } })).toBe(1);
    // Moving where it already is writes nothing.
    expect(await moveThread({ actorId: moderator.id, threadId: thread.threadId, productSlug: other.slug, reason: "Again", requestId })).toMatchObject({ changed: false });
    expect(await auditOf(moderator.id)).toHaveLength(1);
  });

  it("refuses an unknown product and members", async () => {
    const { asker, moderator, thread } = await scene();
    await expect(moveThread({ actorId: moderator.id, threadId: thread.threadId, productSlug: "no-such-product", reason: "Wrong", requestId })).rejects.toSatisfy(
      (error) => isAppError(error, "NOT_FOUND") && error.details.field === "productSlug",
    );
    const other = await createWritableProduct();
    await expect(moveThread({ actorId: asker.id, threadId: thread.threadId, productSlug: other.slug, reason: "Wrong", requestId })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
  });
});
