import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { SEARCH_CANDIDATE_LIMIT, searchPosts } from "./search-posts";

type Language = "en" | "fr";

async function createAuthor() {
  return db().user.create({ data: { email: `search-${uniqueToken()}@example.test`, isMember: true, memberSince: new Date() }, select: { id: true } });
}

/** A thread with its opening post and optional top-level replies, written like the app does. */
async function createThread(input: {
  productId: string;
  title: string;
  body: string;
  language?: Language;
  kind?: "QUESTION" | "TIP" | "DISCUSSION";
  replies?: string[];
  acceptFirstReply?: boolean;
  lastActivityAt?: Date;
}) {
  const author = await createAuthor();
  const language = input.language ?? "en";
  const thread = await db().thread.create({
    data: {
      productId: input.productId,
      authorId: author.id,
      kind: input.kind ?? "QUESTION",
      title: input.title,
      slug: `thread-${uniqueToken()}`,
      language,
      replyCount: input.replies?.length ?? 0,
      lastActivityAt: input.lastActivityAt ?? new Date(),
      posts: { create: { authorId: author.id, isOpening: true, depth: 0, bodyMarkdown: input.body, bodyHtml: `<p>${input.body}</p>`, language } },
    },
    select: { id: true, slug: true },
  });
  const replyIds: string[] = [];
  for (const reply of input.replies ?? []) {
    const post = await db().post.create({
      data: { threadId: thread.id, authorId: author.id, depth: 1, bodyMarkdown: reply, bodyHtml: `<p>${reply}</p>`, language },
      select: { id: true },
    });
    await db().post.update({ where: { id: post.id }, data: { rootReplyId: post.id } });
    replyIds.push(post.id);
  }
  if (input.acceptFirstReply && replyIds[0]) await db().thread.update({ where: { id: thread.id }, data: { acceptedPostId: replyIds[0] } });
  return { ...thread, replyIds };
}

async function createProduct() {
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, `Search product ${uniqueToken()}`);
  return { ...product, categorySlug: category.slug, categoryId: category.id };
}

const search = (query: string, extra: Partial<Parameters<typeof searchPosts>[0]> = {}) => searchPosts({ query, page: 1, ...extra });

describe("searchPosts", () => {
  it("ranks a title match above a body-only match", async () => {
    const product = await createProduct();
    const word = `zq${uniqueToken()}`;
    const inBody = await createThread({ productId: product.id, title: "Something unrelated to it all", body: `The ${word} appears only here.`, lastActivityAt: new Date(Date.now() + 60_000) });
    const inTitle = await createThread({ productId: product.id, title: `Trouble with the ${word} setting`, body: "Nothing more to say." });

    const result = await search(word, { productSlug: product.slug });

    expect(result.items.map((hit) => hit.threadId)).toEqual([inTitle.id, inBody.id]);
    expect(result.items[0]!.titleHtml).toContain(`<mark>${word}</mark>`);
    expect(result.items[1]!.snippetHtml).toContain(`<mark>${word}</mark>`);
  });

  it("stems French: 'batteries', 'chargé' and 'chargeurs' find a French post about 'batterie', 'charger' and 'chargeur'", async () => {
    const product = await createProduct();
    const french = await createThread({
      productId: product.id,
      language: "fr",
      title: "Autonomie de la batterie après la mise à jour",
      body: "Depuis la mise à jour, je dois charger l'ordinateur deux fois par jour, même avec le chargeur d'origine.",
    });
    await createThread({ productId: product.id, title: "Screen flickers at 165 Hz", body: "Only on the DisplayPort input." });

    for (const query of ["batteries", "chargé", "charges", "chargeurs", "chargeurs d'origine"]) {
      const result = await search(query, { productSlug: product.slug });
      expect(result.items.map((hit) => hit.threadId), query).toEqual([french.id]);
    }
  });

  it("matches a query whose words are split between the title and the opening text, and honours exclusions", async () => {
    const product = await createProduct();
    const word = `sp${uniqueToken()}`;
    const split = await createThread({ productId: product.id, title: `Fan noise on the ${word}`, body: "It gets loud overnight while idle." });
    await createThread({ productId: product.id, title: `Fan noise on the ${word} again`, body: "Only when gaming." });

    expect((await search(`${word} overnight`, { productSlug: product.slug })).items.map((hit) => hit.threadId)).toEqual([split.id]);
    expect((await search(`${word} fan -overnight`, { productSlug: product.slug })).items.map((hit) => hit.threadId)).not.toContain(split.id);
  });

  it("stems English for English posts, even for a French visitor's query", async () => {
    const product = await createProduct();
    const english = await createThread({ productId: product.id, title: "Charging stops at 80 percent", body: "The charger light blinks orange." });
    const result = await search("charges", { productSlug: product.slug });
    expect(result.items.map((hit) => hit.threadId)).toEqual([english.id]);
  });

  it("escapes the post's text in snippets: only <mark> is markup", async () => {
    const product = await createProduct();
    const word = `xs${uniqueToken()}`;
    await createThread({ productId: product.id, title: `Payload <b>title</b> ${word}`, body: `Before <script>alert("${word}")</script> <img src=x onerror=alert(1)> after ${word}` });

    const [hit] = (await search(word, { productSlug: product.slug })).items;

    expect(hit!.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
    // ts_headline drops <script> elements itself; whatever markup it keeps comes out escaped.
    expect(hit!.snippetHtml).not.toContain("<script");
    expect(hit!.snippetHtml).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(hit!.titleHtml).toContain("&lt;b&gt;title&lt;/b&gt;");
    expect(hit!.titleHtml).not.toMatch(/<(?!\/?mark>)/);
  });

  it("filters by product, category, kind and solved / unsolved", async () => {
    const product = await createProduct();
    const other = await createProduct();
    const word = `fl${uniqueToken()}`;
    const solved = await createThread({ productId: product.id, title: `Solved ${word} question`, body: "Body.", replies: ["This fixed it."], acceptFirstReply: true });
    const unsolved = await createThread({ productId: product.id, title: `Open ${word} question`, body: "Body." });
    const tip = await createThread({ productId: other.id, kind: "TIP", title: `A ${word} tip`, body: "Body." });
    const ids = async (extra: Partial<Parameters<typeof searchPosts>[0]>) => (await search(word, extra)).items.map((hit) => hit.threadId).sort();

    expect(await ids({})).toEqual([solved.id, unsolved.id, tip.id].sort());
    expect(await ids({ productSlug: product.slug })).toEqual([solved.id, unsolved.id].sort());
    expect(await ids({ categorySlug: other.categorySlug })).toEqual([tip.id]);
    expect(await ids({ kind: "TIP" })).toEqual([tip.id]);
    expect(await ids({ status: "solved" })).toEqual([solved.id]);
    expect(await ids({ status: "unsolved" })).toEqual([unsolved.id]);
    expect((await search(word, { status: "solved" })).items[0]!.solved).toBe(true);
  });

  it("paginates with a total, and clamps a page past the end to the last page", async () => {
    const product = await createProduct();
    const word = `pg${uniqueToken()}`;
    for (let index = 0; index < 5; index += 1) await createThread({ productId: product.id, title: `Thread ${index} about ${word}`, body: "Body." });

    const first = await search(word, { pageSize: 2 });
    const third = await search(word, { pageSize: 2, page: 3 });
    const beyond = await search(word, { pageSize: 2, page: 40 });

    expect(first).toMatchObject({ total: 5, pageCount: 3, page: 1 });
    expect(first.items).toHaveLength(2);
    expect(third.items).toHaveLength(1);
    expect(beyond.page).toBe(3);
    const all = [...first.items, ...(await search(word, { pageSize: 2, page: 2 })).items, ...third.items].map((hit) => hit.threadId);
    expect(new Set(all).size).toBe(5);
    expect(first.totalIsLowerBound).toBe(false);
  });

  it("ranks at most SEARCH_CANDIDATE_LIMIT matching posts per branch and then gives the total as a lower bound", async () => {
    const product = await createProduct();
    const word = `fq${uniqueToken()}`;
    const busy = await createThread({ productId: product.id, title: "A busy thread", body: "Plain body." });
    const author = await createAuthor();
    await db().post.createMany({
      data: Array.from({ length: SEARCH_CANDIDATE_LIMIT + 1 }, (_, index) => ({
        threadId: busy.id,
        authorId: author.id,
        depth: 1,
        bodyMarkdown: `Reply ${index} with ${word}`,
        bodyHtml: `<p>Reply ${index} with ${word}</p>`,
        language: "en" as const,
      })),
    });

    const result = await search(word);

    // Every candidate is a reply of one thread: one hit, flagged as counted from a cut list.
    expect(result).toMatchObject({ total: 1, pageCount: 1, totalIsLowerBound: true });
    expect(result.items.map((hit) => hit.threadId)).toEqual([busy.id]);
    expect(result.items[0]!.snippetHtml).toContain(`<mark>${word}</mark>`);
    expect((await search(`${word} -${word}`)).totalIsLowerBound).toBe(false);
  });

  it("leaves out deleted threads and deleted posts, and links a reply hit to the reply", async () => {
    const product = await createProduct();
    const word = `dl${uniqueToken()}`;
    const deletedThread = await createThread({ productId: product.id, title: `Gone ${word}`, body: "Body." });
    await db().thread.update({ where: { id: deletedThread.id }, data: { deletedAt: new Date() } });
    const withDeletedReply = await createThread({ productId: product.id, title: "Plain title here", body: "Plain body.", replies: [`Deleted ${word} reply`] });
    await db().post.update({ where: { id: withDeletedReply.replyIds[0] }, data: { deletedAt: new Date() } });
    const withReply = await createThread({ productId: product.id, title: "Another plain title", body: "Plain body.", replies: [`Live ${word} reply`] });

    const result = await search(word, { productSlug: product.slug });

    expect(result.items.map((hit) => hit.threadId)).toEqual([withReply.id]);
    expect(result.items[0]!.matchedPostId).toBe(withReply.replyIds[0]);
  });

  it("returns nothing for an empty query or one made only of stop words, without an error", async () => {
    expect((await search("")).total).toBe(0);
    expect((await search("the and of")).total).toBe(0);
    expect((await search('"unbalanced -( :* & |')).items).toEqual(expect.any(Array));
  });
});
