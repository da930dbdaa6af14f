/**
 * Thread-page latency with 1,000 replies. Creates one question with 1,000 replies (600 top-level,
 * every sixth with a reply chain four deep) in the database of DATABASE_URL (it writes test data:
 * never point it at a database whose content matters), then times:
 *   - the read functions the page runs (getThread, listThreadReplies, findReplyPage);
 *   - full page requests (first page, last page, a permalink deep in the thread) against a
 *     production server: the one at the base URL given, else one this script builds and starts
 *     on the same database (BENCH_SKIP_BUILD=1 reuses the existing build).
 *
 *   npm run bench                         # fresh seeded database, builds, starts next start
 *   npx tsx --conditions=react-server scripts/with-database.ts --fresh --seed -- \
 *     npx tsx --conditions=react-server scripts/bench/bench-thread-page.ts http://localhost:3100
 */
import { performance } from "node:perf_hooks";
import { db } from "@/server/db/client";
import { threadPath, postPath } from "@/lib/discussions/discussion-paths";
import { findReplyPage } from "@/server/discussions/find-reply-page";
import { getThread } from "@/server/discussions/get-thread";
import { listThreadReplies } from "@/server/discussions/list-thread-replies";
import { startProductionServer } from "./start-production-server";

const REPLY_COUNT = 1_000;
const TOP_LEVEL_PER_PAGE = 20; // as on the thread page
const RUNS = 20;
const BENCH_SERVER_PORT = 4391;

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

/** `total` requests over `concurrency` parallel connections: throughput and tail latency. */
async function load(label: string, concurrency: number, total: number, run: () => Promise<unknown>) {
  const samples: number[] = [];
  let issued = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < total) {
        issued += 1;
        const start = performance.now();
        await run();
        samples.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(`${label.padEnd(44)} ${(total / seconds).toFixed(0).padStart(5)} req/s   p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   p99 ${at(0.99)} ms`);
}

async function main() {
  const givenBaseUrl = process.argv[2];
  const thread = await createBigThread();
  const { pageCount } = await listThreadReplies({ threadId: thread.id, page: 1, topLevelPerPage: TOP_LEVEL_PER_PAGE });
  console.log(`Thread ${threadPath(thread.id, thread.slug)}: ${REPLY_COUNT} replies, ${pageCount} reply pages, ${RUNS} runs each`);

  await time("getThread", () => getThread(thread.id));
  await time("listThreadReplies, first page", () => listThreadReplies({ threadId: thread.id, page: 1, topLevelPerPage: TOP_LEVEL_PER_PAGE }));
  await time("listThreadReplies, last page", () => listThreadReplies({ threadId: thread.id, page: pageCount, topLevelPerPage: TOP_LEVEL_PER_PAGE }));
  await time("findReplyPage, deepest reply", () => findReplyPage(thread.id, thread.deepestPostId, TOP_LEVEL_PER_PAGE));

  const server = givenBaseUrl ? null : await startProductionServer(BENCH_SERVER_PORT);
  const baseUrl = givenBaseUrl ?? server!.baseUrl;
  try {
    const fetchOk = (path: string) => async () => {
      const response = await fetch(new URL(path, baseUrl), { redirect: "manual" });
      await response.text();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    };
    console.log(`Page requests against ${baseUrl}${server ? " (next start, production build)" : ""}, one at a time:`);
    await time("GET thread page 1", fetchOk(threadPath(thread.id, thread.slug)));
    await time(`GET thread page ${pageCount}`, fetchOk(`${threadPath(thread.id, thread.slug)}?page=${pageCount}`));
    await time("GET permalink to the deepest reply", fetchOk(postPath(thread.id, thread.slug, thread.deepestPostId)));
    await load("GET thread page 1, concurrency 10", 10, 300, fetchOk(threadPath(thread.id, thread.slug)));
  } finally {
    await server?.stop();
  }
  await db().$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
