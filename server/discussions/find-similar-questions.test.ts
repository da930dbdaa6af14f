import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { findSimilarQuestions } from "./find-similar-questions";

async function createQuestion(productId: string, title: string, opts: { language?: "en" | "fr"; kind?: "QUESTION" | "TIP"; deleted?: boolean } = {}) {
  const author = await db().user.create({ data: { email: `similar-${uniqueToken()}@example.test` }, select: { id: true } });
  const language = opts.language ?? "en";
  return db().thread.create({
    data: {
      productId,
      authorId: author.id,
      kind: opts.kind ?? "QUESTION",
      title,
      slug: `similar-${uniqueToken()}`,
      language,
      deletedAt: opts.deleted ? new Date() : null,
      posts: { create: { authorId: author.id, isOpening: true, depth: 0, bodyMarkdown: "Body.", bodyHtml: "<p>Body.</p>", language } },
    },
    select: { id: true, slug: true },
  });
}

describe("findSimilarQuestions", () => {
  it("prefers the same product's questions, then others; leaves out tips and deleted threads", async () => {
    const category = await createTestCategory();
    const mine = await createTestProduct(category.id, `Mine ${uniqueToken()}`);
    const other = await createTestProduct(category.id, `Other ${uniqueToken()}`);
    const word = `sq${uniqueToken()}`;
    const second = `sr${uniqueToken()}`;
    // Only made-up words in the draft: other test files' threads share the database.
    const elsewhere = await createQuestion(other.id, `Why does the ${word} ${second} spin up so loudly overnight`);
    const here = await createQuestion(mine.id, `The ${word} stays warm`);
    await createQuestion(mine.id, `A ${word} tip`, { kind: "TIP" });
    await createQuestion(mine.id, `Deleted ${word} question`, { deleted: true });

    const similar = await findSimilarQuestions({ title: `${word} ${second}`, productId: mine.id });

    expect(similar.map((question) => question.id)).toEqual([here.id, elsewhere.id]);
    expect(similar[0]).toEqual({ id: here.id, title: `The ${word} stays warm`, url: `/t/${here.id}/${here.slug}`, solved: false, productName: mine.name });
  });

  it("matches any word of the draft title, stemmed in each question's language, at most five", async () => {
    const category = await createTestCategory();
    const product = await createTestProduct(category.id, `Product ${uniqueToken()}`);
    const word = `fr${uniqueToken()}`;
    const french = await createQuestion(product.id, `Les batteries du ${word} se vident`, { language: "fr" });
    for (let index = 0; index < 6; index += 1) await createQuestion(product.id, `Question ${index} on ${word}`);

    const similar = await findSimilarQuestions({ title: `batterie ${word} qui ne tient pas`, productId: product.id });
    expect(similar).toHaveLength(5);
    expect(similar[0]!.id).toBe(french.id);
  });

  it("returns nothing for a title of stop words or punctuation, and survives quotes and backslashes", async () => {
    expect(await findSimilarQuestions({ title: "the and of it" })).toEqual([]);
    expect(await findSimilarQuestions({ title: `it's a "quoted" \\ back'slash | & ! :*` })).toEqual(expect.any(Array));
  });
});
