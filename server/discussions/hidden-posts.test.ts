import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { createTestMember, createTestReply, createTestThread } from "@/test/fixtures/discussion-threads";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { findSimilarQuestions } from "./find-similar-questions";
import { getThread } from "./get-thread";
import { listProductThreads } from "./list-product-threads";
import { listSitemapEntries } from "./list-sitemap-entries";
import { listThreadReplies } from "./list-thread-replies";
import { searchPosts } from "./search-posts";

/** A question with a made-up word (search), a visible reply and a reply waiting for review. */
async function scene() {
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, `Product ${uniqueToken()}`);
  const [author, replier, moderator] = await Promise.all([createTestMember(), createTestMember(), createWriter({ role: "MODERATOR" })]);
  const word = `hx${uniqueToken()}`;
  const thread = await createTestThread({ productId: product.id, authorId: author.id, title: `Why does the ${word} rattle`, body: `The ${word} rattles.` });
  const visibleReply = await createTestReply(thread.id, replier.id, null);
  const hiddenReply = await createTestReply(thread.id, replier.id, null);
  await db().post.update({ where: { id: hiddenReply.id }, data: { visibility: "PENDING_REVIEW", bodyMarkdown: `Buy ${word} now`, bodyHtml: `<p>Buy ${word} now</p>` } });
  const productSlug = (await db().product.findUniqueOrThrow({ where: { id: product.id }, select: { slug: true } })).slug;
  return { product, productSlug, author, replier, moderator, word, thread, openingId: thread.posts[0]!.id, visibleReply, hiddenReply };
}

const readers = (s: Awaited<ReturnType<typeof scene>>) => ({
  anonymous: undefined,
  other: { userId: s.author.id, isModerator: false },
  author: { userId: s.replier.id, isModerator: false },
  moderator: { userId: s.moderator.id, isModerator: true },
});

describe("posts waiting for review or hidden", () => {
  it("a reply keeps its place but is withheld (no body, no author) from everyone but its author and moderators", async () => {
    const s = await scene();
    const r = readers(s);
    const forReader = async (reader?: { userId: string; isModerator: boolean }) =>
      (await listThreadReplies({ threadId: s.thread.id, page: 1, topLevelPerPage: 10, reader })).replies.find((reply) => reply.id === s.hiddenReply.id)!;

    for (const reader of [r.anonymous, r.other]) {
      expect(await forReader(reader)).toMatchObject({ isWithheld: true, bodyHtml: null, authorId: null, authorName: null, visibility: "PENDING_REVIEW" });
    }
    for (const reader of [r.author, r.moderator]) {
      const seen = await forReader(reader);
      expect(seen).toMatchObject({ isWithheld: false, authorId: s.replier.id, visibility: "PENDING_REVIEW" });
      expect(seen.bodyHtml).toContain(s.word);
    }
    const visible = (await listThreadReplies({ threadId: s.thread.id, page: 1, topLevelPerPage: 10 })).replies.find((reply) => reply.id === s.visibleReply.id)!;
    expect(visible).toMatchObject({ isWithheld: false, visibility: "VISIBLE" });
  });

  it("search leaves out a hidden reply; a thread whose question is hidden 404s for others and leaves lists, search, similar questions and the sitemap", async () => {
    const s = await scene();
    const r = readers(s);
    const hits = await searchPosts({ query: `buy ${s.word}`, page: 1 });
    expect(hits.items.map((hit) => hit.matchedPostId)).not.toContain(s.hiddenReply.id);
    expect((await searchPosts({ query: s.word, page: 1 })).items.map((hit) => hit.threadId)).toContain(s.thread.id);

    await db().post.update({ where: { id: s.openingId }, data: { visibility: "HIDDEN" } });
    expect(await getThread(s.thread.id)).toBeNull();
    expect(await getThread(s.thread.id, r.author)).toBeNull(); // the replier is not the question's author
    expect((await getThread(s.thread.id, { userId: s.author.id, isModerator: false }))?.opening).toMatchObject({ visibility: "HIDDEN", isWithheld: false });
    expect((await getThread(s.thread.id, r.moderator))?.opening.visibility).toBe("HIDDEN");

    expect((await listProductThreads({ productSlug: s.productSlug, filter: "all", page: 1, pageSize: 10 })).items).toEqual([]);
    expect((await searchPosts({ query: s.word, page: 1 })).items.map((hit) => hit.threadId)).not.toContain(s.thread.id);
    expect((await findSimilarQuestions({ title: `${s.word} rattle`, productId: s.product.id })).map((q) => q.id)).not.toContain(s.thread.id);
    expect((await listSitemapEntries({ maxEntries: 50_000 })).threads.map((t) => t.id)).not.toContain(s.thread.id);

    await db().post.update({ where: { id: s.openingId }, data: { visibility: "VISIBLE" } });
    expect((await listProductThreads({ productSlug: s.productSlug, filter: "all", page: 1, pageSize: 10 })).items.map((t) => t.id)).toEqual([s.thread.id]);
    expect(await getThread(s.thread.id)).not.toBeNull();
  });
});
