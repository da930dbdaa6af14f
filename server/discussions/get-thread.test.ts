import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { createTestMember, createTestReply, createTestThread } from "@/test/fixtures/discussion-threads";
import { findVerifiedOwners } from "./find-verified-owners";
import { getThread } from "./get-thread";
import { listSitemapEntries } from "./list-sitemap-entries";

async function buy(userId: string, productId: string) {
  await db().purchase.create({ data: { userId, productId, orderId: `ORDER-${uniqueToken()}`, quantity: 1, purchasedAt: new Date() } });
}

describe("getThread, findVerifiedOwners, listSitemapEntries", () => {
  let productId = "";
  let otherProductId = "";

  beforeAll(async () => {
    const category = await createTestCategory();
    productId = (await createTestProduct(category.id, "Owned product")).id;
    otherProductId = (await createTestProduct(category.id, "Another product")).id;
  });

  it("returns the thread with its opening post and accepted answer", async () => {
    const author = await createTestMember({ displayName: "Opener" });
    const thread = await createTestThread({ productId, authorId: author.id, body: "How do I descale it?" });
    const answer = await createTestReply(thread.id, author.id, null);
    await db().thread.update({ where: { id: thread.id }, data: { acceptedPostId: answer.id } });
    const view = await getThread(thread.id);
    expect(view).toMatchObject({ id: thread.id, slug: thread.slug, product: { id: productId }, isLocked: false });
    expect(view!.opening).toMatchObject({ authorName: "Opener", bodyHtml: "<p>How do I descale it?</p>", depth: 0, isDeleted: false });
    expect(view!.acceptedAnswer!.id).toBe(answer.id);
  });

  it("hides an accepted answer that was deleted since, and the name of a deleted account", async () => {
    const gone = await createTestMember({ displayName: "Gone", deleted: true });
    const thread = await createTestThread({ productId, authorId: gone.id });
    const answer = await createTestReply(thread.id, gone.id, null, { deleted: true });
    await db().thread.update({ where: { id: thread.id }, data: { acceptedPostId: answer.id } });
    const view = await getThread(thread.id);
    expect(view!.acceptedAnswer).toBeNull();
    expect(view!.opening).toMatchObject({ authorId: null, authorName: null });
  });

  it("answers null for a deleted, unknown or malformed thread id", async () => {
    const author = await createTestMember();
    const deleted = await createTestThread({ productId, authorId: author.id, deleted: true });
    expect(await getThread(deleted.id)).toBeNull();
    expect(await getThread(`c${uniqueToken()}${uniqueToken()}`)).toBeNull();
    expect(await getThread("../etc/passwd")).toBeNull();
  });

  it("gives the owner badge only to buyers of this product who consented to show it", async () => {
    const boughtAndConsented = await createTestMember({ showsOwnerBadge: true });
    const boughtNoConsent = await createTestMember({ showsOwnerBadge: false });
    const consentedNotBought = await createTestMember({ showsOwnerBadge: true });
    const boughtOtherProduct = await createTestMember({ showsOwnerBadge: true });
    const deletedBuyer = await createTestMember({ showsOwnerBadge: true, deleted: true });
    await buy(boughtAndConsented.id, productId);
    await buy(boughtNoConsent.id, productId);
    await buy(boughtOtherProduct.id, otherProductId);
    await buy(deletedBuyer.id, productId);
    const owners = await findVerifiedOwners(productId, [
      boughtAndConsented.id,
      boughtNoConsent.id,
      consentedNotBought.id,
      boughtOtherProduct.id,
      deletedBuyer.id,
      boughtAndConsented.id,
    ]);
    expect([...owners]).toEqual([boughtAndConsented.id]);
    expect(await findVerifiedOwners(productId, [])).toEqual(new Set());
  });

  it("sitemap entries list visible threads and never deleted ones", async () => {
    const author = await createTestMember();
    // Far-future activity keeps these among the most recent, whatever else the database holds.
    const future = new Date(Date.UTC(2031, 0, 1));
    const visible = await createTestThread({ productId, authorId: author.id, lastActivityAt: future });
    const deleted = await createTestThread({ productId, authorId: author.id, lastActivityAt: future, deleted: true });
    const entries = await listSitemapEntries({ maxEntries: 50_000 });
    const threadIds = entries.threads.map((thread) => thread.id);
    expect(threadIds).toContain(visible.id);
    expect(threadIds).not.toContain(deleted.id);
    expect(entries.threads.find((thread) => thread.id === visible.id)).toEqual({ id: visible.id, slug: visible.slug, lastActivityAt: future });
    expect(entries.products.length).toBeGreaterThan(0);
  });

  it("sitemap entries stay within the limit", async () => {
    const entries = await listSitemapEntries({ maxEntries: 3 });
    expect(entries.categories.length + entries.products.length + entries.threads.length).toBeLessThanOrEqual(3);
  });
});
