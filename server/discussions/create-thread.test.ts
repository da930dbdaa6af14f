import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createThread } from "./create-thread";

const QUESTION = { kind: "QUESTION", title: "Does the charger work at 110 V?", body: "I travel a lot. **Does it** work in the US?", language: "en" } as const;

describe("createThread", () => {
  it("writes the thread and its opening post together, body rendered and sanitized", async () => {
    const [product, author] = await Promise.all([createWritableProduct(), createWriter()]);
    const created = await createThread({ actorId: author.id, productSlug: product.slug, ...QUESTION, body: `${QUESTION.body} <script>alert(1)</script>` });

    expect(created.slug).toBe("does-the-charger-work-at-110-v");
    const thread = await db().thread.findUniqueOrThrow({
      where: { id: created.threadId },
      select: { productId: true, authorId: true, kind: true, title: true, language: true, replyCount: true, posts: { select: { id: true, isOpening: true, depth: true, parentId: true, rootReplyId: true, bodyHtml: true } } },
    });
    expect(thread).toMatchObject({ productId: product.id, authorId: author.id, kind: "QUESTION", title: QUESTION.title, language: "en", replyCount: 0 });
    expect(thread.posts).toHaveLength(1);
    expect(thread.posts[0]).toMatchObject({ id: created.postId, isOpening: true, depth: 0, parentId: null, rootReplyId: null });
    expect(thread.posts[0]!.bodyHtml).toContain("<strong>Does it</strong>");
    expect(thread.posts[0]!.bodyHtml).not.toContain("<script");
  });

  it("refuses an unknown product and writes nothing", async () => {
    const author = await createWriter();
    await expect(createThread({ actorId: author.id, productSlug: "no-such-product-anywhere", ...QUESTION })).rejects.toSatisfy(
      (error) => isAppError(error, "NOT_FOUND") && error.details.field === "productSlug",
    );
    expect(await db().thread.count({ where: { authorId: author.id } })).toBe(0);
  });

  it("falls back to a generic slug when the title has no Latin letters or digits", async () => {
    const [product, author] = await Promise.all([createWritableProduct(), createWriter()]);
    const created = await createThread({ actorId: author.id, productSlug: product.slug, ...QUESTION, title: "これは何ですか？？？？" });
    expect(created.slug).toBe("thread");
  });
});
