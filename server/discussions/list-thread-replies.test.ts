import { beforeAll, describe, expect, it } from "vitest";
import { createTestCategory, createTestProduct } from "@/test/fixtures/catalog";
import { createTestMember, createTestReply, createTestThread } from "@/test/fixtures/discussion-threads";
import { findReplyPage } from "./find-reply-page";
import { listThreadReplies, type ReplyNode } from "./list-thread-replies";

describe("listThreadReplies and findReplyPage", () => {
  let threadId = "";
  let openingId = "";
  const topLevel: string[] = [];
  const chain: { id: string; depth: number; rootReplyId: string | null }[] = [];
  let deletedReplyId = "";
  let childOfDeletedId = "";

  beforeAll(async () => {
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, "Thread product");
    const asker = await createTestMember({ displayName: "Asker" });
    const helper = await createTestMember({ displayName: "Helper" });
    const thread = await createTestThread({ productId: product.id, authorId: asker.id });
    threadId = thread.id;
    openingId = thread.posts[0]!.id;
    // Five top-level replies; the first gets a chain five levels deep.
    for (let index = 0; index < 5; index += 1) topLevel.push((await createTestReply(threadId, helper.id, null)).id);
    let parent: { id: string; depth: number; rootReplyId: string | null } = { id: topLevel[0]!, depth: 1, rootReplyId: topLevel[0]! };
    for (let depth = 2; depth <= 5; depth += 1) {
      parent = await createTestReply(threadId, depth % 2 ? helper.id : asker.id, parent);
      chain.push(parent);
    }
    // A deleted reply on the second top-level reply keeps its place and its own replies.
    const deleted = await createTestReply(threadId, helper.id, { id: topLevel[1]!, depth: 1, rootReplyId: topLevel[1]! }, { deleted: true });
    deletedReplyId = deleted.id;
    childOfDeletedId = (await createTestReply(threadId, asker.id, deleted)).id;
  });

  it("pages by top-level reply, each page carrying whole subtrees", async () => {
    const first = await listThreadReplies({ threadId, page: 1, topLevelPerPage: 2 });
    const third = await listThreadReplies({ threadId, page: 3, topLevelPerPage: 2 });
    expect(first.topLevelCount).toBe(5);
    expect(first.pageCount).toBe(3);
    expect(first.replies.map((node) => node.id)).toEqual(topLevel.slice(0, 2));
    expect(third.replies.map((node) => node.id)).toEqual(topLevel.slice(4));
    expect(third.replies[0]!.children).toEqual([]);
  });

  it("nests to depth 3 and lists deeper replies flat under their depth-3 ancestor with 'in reply to'", async () => {
    const { replies } = await listThreadReplies({ threadId, page: 1, topLevelPerPage: 2 });
    const depth2 = replies[0]!.children;
    expect(depth2.map((node) => node.id)).toEqual([chain[0]!.id]);
    const depth3 = depth2[0]!.children;
    expect(depth3.map((node) => node.id)).toEqual([chain[1]!.id]);
    const flattened: ReplyNode[] = depth3[0]!.children;
    expect(flattened.map((node) => [node.id, node.depth])).toEqual([
      [chain[2]!.id, 4],
      [chain[3]!.id, 5],
    ]);
    expect(flattened[0]!.inReplyTo).toEqual({ postId: chain[1]!.id, authorName: "Helper", isDeleted: false });
    expect(flattened[1]!.inReplyTo).toEqual({ postId: chain[2]!.id, authorName: "Asker", isDeleted: false });
    expect(flattened.every((node) => node.children.length === 0)).toBe(true);
  });

  it("shows a deleted reply in place without its body, keeping its replies", async () => {
    const { replies } = await listThreadReplies({ threadId, page: 1, topLevelPerPage: 2 });
    const deleted = replies[1]!.children[0]!;
    expect(deleted).toMatchObject({ id: deletedReplyId, isDeleted: true, bodyHtml: null });
    expect(deleted.children.map((node) => node.id)).toEqual([childOfDeletedId]);
    expect(deleted.children[0]!.bodyHtml).toMatch(/^<p>Reply /);
  });

  it("lists each author of the page once", async () => {
    const page = await listThreadReplies({ threadId, page: 1, topLevelPerPage: 2 });
    expect(page.authorIds).toHaveLength(2);
  });

  it("finds the page of any post for permalinks", async () => {
    expect(await findReplyPage(threadId, openingId, 2)).toBe(1);
    expect(await findReplyPage(threadId, topLevel[1]!, 2)).toBe(1);
    expect(await findReplyPage(threadId, topLevel[2]!, 2)).toBe(2);
    expect(await findReplyPage(threadId, topLevel[4]!, 2)).toBe(3);
    expect(await findReplyPage(threadId, chain[3]!.id, 2)).toBe(1);
    expect(await findReplyPage(threadId, chain[3]!.id, 1)).toBe(1);
    expect(await findReplyPage(threadId, childOfDeletedId, 1)).toBe(2);
  });

  it("answers null for a post of another thread or a malformed id", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, "Other");
    const member = await createTestMember();
    const other = await createTestThread({ productId: product.id, authorId: member.id });
    expect(await findReplyPage(other.id, topLevel[0]!, 2)).toBeNull();
    expect(await findReplyPage(threadId, "not a post id!", 2)).toBeNull();
  });
});
