import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember, createTestReply, createTestThread } from "@/test/fixtures/discussion-threads";
import { listCategoryThreads } from "./list-category-threads";
import { listHomeThreads } from "./list-home-threads";
import { listProductThreads } from "./list-product-threads";

describe("thread lists", () => {
  let productId = "";
  let productSlug = "";
  let categorySlug = "";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const category = await createTestCategory();
    categorySlug = category.slug;
    const product = await createTestProduct(category.id, "Listed product");
    const sibling = await createTestProduct(category.id, "Sibling product");
    const elsewhere = await createTestProduct((await createTestCategory()).id, "Elsewhere");
    productId = product.id;
    productSlug = product.slug;
    const author = await createTestMember({ displayName: "Lister" });
    const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 0, minutes));

    ids.unanswered = (await createTestThread({ productId, authorId: author.id, lastActivityAt: at(1) })).id;
    const answered = await createTestThread({ productId, authorId: author.id, lastActivityAt: at(2), replyCount: 1 });
    ids.answered = answered.id;
    await createTestReply(answered.id, author.id, null);
    const solved = await createTestThread({ productId, authorId: author.id, lastActivityAt: at(3), replyCount: 1 });
    ids.solved = solved.id;
    const answer = await createTestReply(solved.id, author.id, null);
    await db().thread.update({ where: { id: solved.id }, data: { acceptedPostId: answer.id } });
    ids.tip = (await createTestThread({ productId, authorId: author.id, kind: "TIP", lastActivityAt: at(4) })).id;
    ids.deleted = (await createTestThread({ productId, authorId: author.id, lastActivityAt: at(5), deleted: true })).id;
    ids.sibling = (await createTestThread({ productId: sibling.id, authorId: author.id, lastActivityAt: at(6) })).id;
    ids.elsewhere = (await createTestThread({ productId: elsewhere.id, authorId: author.id, lastActivityAt: at(7) })).id;
  });

  it("lists a product's visible threads, most recently active first, as small summaries", async () => {
    const page = await listProductThreads({ productSlug, filter: "all", page: 1, pageSize: 10 });
    expect(page.items.map((item) => item.id)).toEqual([ids.tip, ids.solved, ids.answered, ids.unanswered]);
    expect(page.total).toBe(4);
    const solved = page.items.find((item) => item.id === ids.solved)!;
    expect(solved).toMatchObject({ isSolved: true, replyCount: 1, authorName: "Lister", kind: "QUESTION" });
    expect(Object.keys(solved).sort()).toEqual(["authorName", "id", "isSolved", "kind", "language", "lastActivityAt", "product", "replyCount", "slug", "title"]);
  });

  it("filters unanswered, unsolved and solved questions", async () => {
    const ofFilter = async (filter: "unanswered" | "unsolved" | "solved") =>
      (await listProductThreads({ productSlug, filter, page: 1, pageSize: 10 })).items.map((item) => item.id);
    expect(await ofFilter("unanswered")).toEqual([ids.unanswered]);
    expect(await ofFilter("unsolved")).toEqual([ids.answered, ids.unanswered]);
    expect(await ofFilter("solved")).toEqual([ids.solved]);
  });

  it("paginates without overlap", async () => {
    const first = await listProductThreads({ productSlug, filter: "all", page: 1, pageSize: 3 });
    const second = await listProductThreads({ productSlug, filter: "all", page: 2, pageSize: 3 });
    expect(first.pageCount).toBe(2);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual([ids.tip, ids.solved, ids.answered, ids.unanswered]);
  });

  it("treats a malformed product slug as an empty space instead of failing", async () => {
    const page = await listProductThreads({ productSlug: "bad\u0000slug", filter: "all", page: 1, pageSize: 10 });
    expect(page).toEqual({ items: [], page: 1, pageSize: 10, total: 0, pageCount: 1 });
  });

  it("gathers a category's threads across its products only", async () => {
    const page = await listCategoryThreads({ categorySlug, filter: "all", page: 1, pageSize: 10 });
    expect(page.items.map((item) => item.id)).toEqual([ids.sibling, ids.tip, ids.solved, ids.answered, ids.unanswered]);
    const unanswered = await listCategoryThreads({ categorySlug, filter: "unanswered", page: 1, pageSize: 10 });
    expect(unanswered.items.map((item) => item.id)).toEqual([ids.sibling, ids.unanswered]);
  });

  it("home lists: recent, unanswered and recently solved, never deleted", async () => {
    // Far-future activity dates put these threads at the top of the shop-wide lists.
    const home = await listHomeThreads({ limit: 50 });
    const recent = home.recent.map((item) => item.id);
    expect(recent.indexOf(ids.elsewhere!)).toBeLessThan(recent.indexOf(ids.sibling!));
    expect(recent).not.toContain(ids.deleted);
    expect(home.unanswered.map((item) => item.id)).toContain(ids.unanswered);
    expect(home.unanswered.map((item) => item.id)).not.toContain(ids.answered);
    expect(home.unanswered.map((item) => item.id)).not.toContain(ids.tip);
    expect(home.recentlySolved.map((item) => item.id)).toContain(ids.solved);
    expect(home.recentlySolved.every((item) => item.isSolved)).toBe(true);
  });
});
