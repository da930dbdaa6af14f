/**
 * Thread-page latency with 1,000 replies. Creates one question with 1,000 replies (600 top-level,
 * every sixth with a reply chain four deep) in the database of DATABASE_URL (it writes test data:
 * never point it at a database whose content matters), then times:
 *   - the read functions the page runs (getThread, listThreadReplies, findReplyPage), always;
 *   - full page requests (first page, last page, a permalink deep in the thread), when a base URL
 *     of a running server on the same database is given.
 *
 *   npx tsx --conditions=react-server scripts/with-database.ts --fresh --seed -- \
 *     npx tsx --conditions=react-server scripts/bench-thread-page.ts [http://localhost:3100]
 */
import { performance } from "node:perf_hooks";
import { db } from "@/server/db/client";
import { threadPath, postPath } from "@/lib/discussions/discussion-paths";
import { findReplyPage } from "@/server/discussions/find-reply-page";
import { getThread } from "@/server/discussions/get-thread";
import { listThreadReplies } from "@/server/discussions/list-thread-replies";

const REPLY_COUNT = 1_000;
const TOP_LEVEL_PER_PAGE = 20; // as on the thread page
const RUNS = 20;

async function createBigThread() {
  const product = await db().product.findFirst({ select: { id: true } });
  const author = await db().user.findFirst({ where: { deletedAt: null }, select: { id: true } });
  if (!product || !author) throw new Error("Needs a product and a user: run with --seed.");
  const stamp = Date.now().toString(36);
  const thread = await db().thread.create({
    data: {
      productId: product.id,
      authorId: author.id,
      kind: "QUESTION",
      title: `Benchmark thread ${stamp} with a thousand replies`,
      slug: `benchmark-thread-${stamp}`,
      language: "en",
      replyCount: REPLY_COUNT,
      posts: { create: { authorId: author.id, isOpening: true, depth: 0, bodyMarkdown: "Opening", bodyHtml: "<p>Opening</p>", language: "en" } },
    },
    select: { id: true, slug: true },
  });
  const start = Date.now() - REPLY_COUNT * 1000;
  const chainCount = REPLY_COUNT / 10; // 100 chains of 4 nested replies under 600 top-level ones
  const topLevelCount = REPLY_COUNT - chainCount * 4;
  const topLevel = Array.from({ length: topLevelCount }, (_, index) => ({
    id: `bench${stamp}t${index}`,
    threadId: thread.id,
    authorId: author.id,
    depth: 1,
    rootReplyId: `bench${stamp}t${index}`,
    bodyMarkdown: `Reply ${index}`,
    bodyHtml: `<p>Reply ${index}</p>`,
    language: "en" as const,
    createdAt: new Date(start + index * 1000),
  }));
  await db().post.createMany({ data: topLevel });
  // Chains four deep under every sixth top-level reply, inserted level by level (parents first).
  const spacing = Math.floor(topLevelCount / chainCount);
  const chainRoots = topLevel.filter((_, index) => index % spacing === 0).slice(0, chainCount);
  let deepest = "";
  for (let depth = 2; depth <= 5; depth += 1) {
    await db().post.createMany({
      data: chainRoots.map((root, index) => ({
        id: `${root.id}d${depth}`,
        threadId: thread.id,
        authorId: author.id,
        parentId: depth === 2 ? root.id : `${root.id}d${depth - 1}`,
        rootReplyId: root.id,
        depth,
        bodyMarkdown: `Depth ${depth} under ${index}`,
        bodyHtml: `<p>Depth ${depth} under ${index}</p>`,
        language: "en" as const,
        createdAt: new Date(root.createdAt.getTime() + depth * 100),
      })),
    });
    deepest = `${chainRoots.at(-1)!.id}d${depth}`;
  }
  const replies = await db().post.count({ where: { threadId: thread.id, isOpening: false } });
  if (replies !== REPLY_COUNT) throw new Error(`Created ${replies} replies instead of ${REPLY_COUNT}`);
  return { ...thread, deepestPostId: deepest };
}

async function time(label: string, run: () => Promise<unknown>) {
  const samples: number[] = [];
  await run(); // warm-up
  for (let index = 0; index < RUNS; index += 1) {
    const began = performance.now();
    await run();
    samples.push(performance.now() - began);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(`${label.padEnd(44)} median ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`);
}

async function main() {
  const baseUrl = process.argv[2];
  const thread = await createBigThread();
  const { pageCount } = await listThreadReplies({ threadId: thread.id, page: 1, topLevelPerPage: TOP_LEVEL_PER_PAGE });
  console.log(`Thread ${threadPath(thread.id, thread.slug)}: ${REPLY_COUNT} replies, ${pageCount} reply pages, ${RUNS} runs each`);

  await time("getThread", () => getThread(thread.id));
  await time("listThreadReplies, first page", () => listThreadReplies({ threadId: thread.id, page: 1, topLevelPerPage: TOP_LEVEL_PER_PAGE }));
  await time("listThreadReplies, last page", () => listThreadReplies({ threadId: thread.id, page: pageCount, topLevelPerPage: TOP_LEVEL_PER_PAGE }));
  await time("findReplyPage, deepest reply", () => findReplyPage(thread.id, thread.deepestPostId, TOP_LEVEL_PER_PAGE));

  if (baseUrl) {
    const fetchOk = (path: string) => async () => {
      const response = await fetch(new URL(path, baseUrl), { redirect: "manual" });
      await response.text();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    };
    await time("GET thread page 1", fetchOk(threadPath(thread.id, thread.slug)));
    await time(`GET thread page ${pageCount}`, fetchOk(`${threadPath(thread.id, thread.slug)}?page=${pageCount}`));
    await time("GET permalink to the deepest reply", fetchOk(postPath(thread.id, thread.slug, thread.deepestPostId)));
  } else {
    console.log("No base URL given: page requests not timed.");
  }
  await db().$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
