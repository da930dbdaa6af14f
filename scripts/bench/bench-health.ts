/**
 * Community health on a large community. In the database of DATABASE_URL (it writes test data:
 * never point it at a database whose content matters; the seed must have run: it uses the seeded
 * moderator, a product and a stored consent text), adds with set-based INSERT … SELECT over
 * generate_series, spread over the last two years:
 *   BENCH_HEALTH_USERS (default 50,000) people, 40% customers, 30% members; 60,000 membership
 *   ledger rows and 200,000 other ledger rows (10% one-click unsubscribes); BENCH_HEALTH_THREADS
 *   (default 20,000) threads (70% questions, 40% of those solved) with 4 replies each; 2 helpful
 *   votes per reply; one outbox event per thread with 15 e-mail deliveries each (300,000); 10,000
 *   review items (2% open).
 * Then times getCommunityHealth (what /moderation/health runs) for every window, 5 runs each,
 * and prints the median. BENCH_HEALTH_EXPLAIN=1 also prints EXPLAIN (ANALYZE, BUFFERS) of every
 * query it sends for the default 12-week window (captured from Prisma's query log), to check which indexes are used.
 * Prints a table and writes it to bench-results/health.md (not committed: machine-specific).
 *
 *   npx tsx --conditions=react-server scripts/with-database.ts --fresh --seed -- \
 *     npx tsx --conditions=react-server scripts/bench/bench-health.ts
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const USERS = Number(process.env.BENCH_HEALTH_USERS ?? 50_000);
const THREADS = Number(process.env.BENCH_HEALTH_THREADS ?? 20_000);
const EXPLAIN = process.env.BENCH_HEALTH_EXPLAIN === "1";
const RUNS = 5;
const TARGET_MS = 1_000; // the page should answer well within a second

const count = (n: number) => n.toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main() {
  const { env } = await import("@/server/env");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/server/db/generated/prisma/client");
  // The app's client, with the query log on when plans are wanted (db() reuses this one).
  const logged: { query: string; params: string }[] = [];
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 }),
    log: EXPLAIN ? [{ emit: "event", level: "query" }] : [],
  });
  if (EXPLAIN) (client as unknown as { $on: (event: "query", cb: (e: { query: string; params: string }) => void) => void }).$on("query", (e) => logged.push({ query: e.query, params: e.params }));
  (globalThis as unknown as { entraidePrisma?: unknown }).entraidePrisma = client;
  const { db } = await import("@/server/db/client");
  const { getCommunityHealth } = await import("@/server/moderation/get-community-health");
  const { HEALTH_WINDOWS } = await import("@/lib/moderation/community-health");

  const moderator = await db().user.findUniqueOrThrow({ where: { email: "moderator@demo.entraide.test" }, select: { id: true } });
  const product = await db().product.findFirstOrThrow({ select: { id: true, categoryId: true } });
  const text = await db().consentText.findFirstOrThrow({ select: { id: true, version: true, sha256: true } });
  const s = Date.now().toString(36);
  console.log(`Community health bench: ${count(USERS)} people, ${count(THREADS)} threads, over two years`);

  // --- Setup ---------------------------------------------------------------------------------
  const setupStart = performance.now();
  const span = "interval '104 weeks'";
  const user = (expr: string) => `'bh${s}_' || ((${expr}) % ${USERS} + 1)`;
  const statements = [
    `INSERT INTO "User" ("id", "email", "displayName", "isMember", "memberSince", "createdAt", "updatedAt")
     SELECT 'bh${s}_' || g, 'bench-health-${s}-' || g || '@bench.example.test', 'Bench ' || g, g % 10 < 3, now(), now(), now()
     FROM generate_series(1, ${USERS}) g`,
    `INSERT INTO "Purchase" ("id", "orderId", "userId", "productId", "quantity", "purchasedAt")
     SELECT 'bhp${s}_' || g, 'BH-${s}-' || g, 'bh${s}_' || g, '${product.id}', 1, now()
     FROM generate_series(1, ${USERS}) g WHERE g % 5 < 2`,
    `INSERT INTO "ConsentEvent" ("subjectId", "purpose", "action", "scope", "consentTextId", "textVersion", "textSha256", "locale", "source", "channel", "requestId", "occurredAt")
     SELECT ${user("g")}, 'COMMUNITY_MEMBERSHIP', (CASE WHEN g % 3 = 0 THEN 'WITHDRAWN' ELSE 'GRANTED' END)::"ConsentAction", NULL,
            '${text.id}', ${text.version}, '${text.sha256}', 'en', 'JOIN_PAGE', 'WEB', 'bench', now() - random() * ${span}
     FROM generate_series(1, 60000) g`,
    `INSERT INTO "ConsentEvent" ("subjectId", "purpose", "action", "scope", "consentTextId", "textVersion", "textSha256", "locale", "source", "channel", "requestId", "occurredAt")
     SELECT ${user("g * 7")}, (ARRAY['PRODUCT_ALERTS', 'THREAD_ALERTS', 'PERSONAL_NOTIFICATIONS', 'ALERT_EMAIL'])[g % 4 + 1]::"ConsentPurpose",
            (CASE WHEN g % 2 = 0 THEN 'WITHDRAWN' ELSE 'GRANTED' END)::"ConsentAction",
            (CASE g % 4 WHEN 0 THEN '${product.id}' WHEN 2 THEN 'MENTION' ELSE NULL END),
            '${text.id}', ${text.version}, '${text.sha256}', 'en',
            (CASE WHEN g % 10 = 0 THEN 'EMAIL_ONE_CLICK' ELSE 'PREFERENCE_CENTER' END)::"ConsentSource", 'EMAIL', 'bench', now() - random() * ${span}
     FROM generate_series(1, 200000) g`,
    `INSERT INTO "Thread" ("id", "productId", "authorId", "kind", "title", "slug", "language", "createdAt", "lastActivityAt", "updatedAt")
     SELECT 'bt${s}_' || g, '${product.id}', ${user("g * 11")}, (CASE WHEN g % 10 < 7 THEN 'QUESTION' ELSE 'DISCUSSION' END)::"ThreadKind",
            'Bench thread ' || g, 'bench-thread-' || g, 'en', c, c, now()
     FROM (SELECT g, now() - random() * ${span} AS c FROM generate_series(1, ${THREADS}) g) t`,
    `INSERT INTO "Post" ("id", "threadId", "authorId", "isOpening", "depth", "bodyMarkdown", "bodyHtml", "language", "createdAt")
     SELECT 'bpo' || substr(t."id", 3), t."id", t."authorId", true, 0, 'Help', '<p>Help</p>', 'en', t."createdAt"
     FROM "Thread" t WHERE t."id" LIKE 'bt${s}\\_%'`,
    `INSERT INTO "Post" ("id", "threadId", "authorId", "isOpening", "depth", "rootReplyId", "bodyMarkdown", "bodyHtml", "language", "createdAt")
     SELECT 'bpr' || substr(t."id", 3) || '_' || k, t."id", ${user("abs(hashtext(t.\"id\")::bigint) + 1000 + k")}, false, 1, 'bpr' || substr(t."id", 3) || '_' || k,
            'Try this', '<p>Try this</p>', 'en', t."createdAt" + random() * interval '72 hours'
     FROM "Thread" t, generate_series(1, 4) k WHERE t."id" LIKE 'bt${s}\\_%'`,
    `UPDATE "Thread" SET "acceptedPostId" = 'bpr' || substr("id", 3) || '_1'
     WHERE "id" LIKE 'bt${s}\\_%' AND "kind" = 'QUESTION' AND random() < 0.4`,
    `INSERT INTO "PostVote" ("postId", "userId", "createdAt")
     SELECT p."id", ${user("abs(hashtext(p.\"id\")::bigint) + v * 17")}, p."createdAt" + random() * interval '7 days'
     FROM "Post" p, generate_series(1, 2) v WHERE p."id" LIKE 'bpr${s}\\_%'
     ON CONFLICT DO NOTHING`,
    `INSERT INTO "NotificationEvent" ("kind", "threadId", "postId", "productId", "categoryId", "actorId", "createdAt", "fannedOutAt")
     SELECT 'THREAD_CREATED', t."id", 'bpo' || substr(t."id", 3), '${product.id}', '${product.categoryId}', t."authorId", t."createdAt", t."createdAt"
     FROM "Thread" t WHERE t."id" LIKE 'bt${s}\\_%'`,
    `INSERT INTO "EmailDelivery" ("userId", "eventId", "reason", "listKey", "status", "dueAt", "createdAt", "sentAt")
     SELECT ${user("e.\"id\" * 31 + r")}, e."id", 'WATCHING_PRODUCT',
            (CASE WHEN r <= 9 THEN 'product:${product.id}' WHEN r <= 12 THEN 'thread:' || e."threadId" WHEN r <= 14 THEN 'personal:MENTION' ELSE 'category:${product.categoryId}' END),
            (CASE WHEN r = 15 THEN 'PENDING' ELSE 'SENT' END)::"EmailDeliveryStatus", e."createdAt", e."createdAt",
            (CASE WHEN r = 15 THEN NULL ELSE e."createdAt" + interval '1 minute' END)
     FROM "NotificationEvent" e, generate_series(1, 15) r WHERE e."threadId" LIKE 'bt${s}\\_%'`,
    `INSERT INTO "ReviewItem" ("id", "postId", "kind", "status", "openedAt", "resolvedAt")
     SELECT 'bri${s}_' || g, 'bpo${s}_' || g, 'FLAGGED', (CASE WHEN g % 50 = 0 THEN 'OPEN' ELSE 'APPROVED' END)::"ReviewStatus", o,
            (CASE WHEN g % 50 = 0 THEN NULL ELSE o + random() * interval '48 hours' END)
     FROM (SELECT g, now() - random() * ${span} AS o FROM generate_series(1, LEAST(10000, ${THREADS})) g) x`,
    `ANALYZE "User", "Purchase", "ConsentEvent", "Thread", "Post", "PostVote", "NotificationEvent", "EmailDelivery", "Digest", "ReviewItem"`,
  ];
  for (const statement of statements) await db().$executeRawUnsafe(statement);
  const setupMs = performance.now() - setupStart;
  const sizes = await db().$queryRaw<{ posts: number; votes: number; ledger: number; emails: number }[]>`
    SELECT (SELECT count(*) FROM "Post")::int AS "posts", (SELECT count(*) FROM "PostVote")::int AS "votes",
           (SELECT count(*) FROM "ConsentEvent")::int AS "ledger", (SELECT count(*) FROM "EmailDelivery")::int AS "emails"`;
  console.log(`Setup ${seconds(setupMs)}: ${count(sizes[0]!.posts)} posts, ${count(sizes[0]!.votes)} votes, ${count(sizes[0]!.ledger)} ledger rows, ${count(sizes[0]!.emails)} e-mail deliveries`);

  // --- Timing --------------------------------------------------------------------------------
  const rows: [string, string, string][] = [];
  let worst = 0;
  for (const weeks of HEALTH_WINDOWS) {
    await getCommunityHealth(moderator.id, { weeks }); // warm-up (plans, caches)
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const start = performance.now();
      await getCommunityHealth(moderator.id, { weeks });
      times.push(performance.now() - start);
    }
    const m = median(times);
    worst = Math.max(worst, m);
    rows.push([`${weeks} weeks`, `${m.toFixed(0)} ms`, `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms`]);
  }

  if (EXPLAIN) {
    logged.length = 0;
    await getCommunityHealth(moderator.id, { weeks: 12 });
    for (const { query, params } of logged.filter((entry) => /^\s*(WITH|SELECT count)/.test(entry.query))) {
      const plan = await db().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, ...(JSON.parse(params) as unknown[]));
      console.log(`\n${query.trim().split("\n")[0]!.slice(0, 100)}…\n${plan.map((line) => line["QUERY PLAN"]).join("\n")}`);
    }
  }

  const table = ["| Window | Median of 5 | Range |", "| --- | ---: | ---: |", ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
  const verdict = `Target: under ${TARGET_MS} ms for every window — ${worst < TARGET_MS ? "met" : "MISSED"} (slowest median ${worst.toFixed(0)} ms).`;
  const machine = `${os.cpus().length} CPU (${os.cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, ${new Date().toISOString()}`;
  const data = `${count(USERS)} people (40% customers, 30% members), ${count(sizes[0]!.ledger)} ledger rows, ${count(THREADS)} threads and ${count(sizes[0]!.posts)} posts, ${count(sizes[0]!.votes)} votes, ${count(sizes[0]!.emails)} e-mail deliveries, 10,000 review items, spread over two years (on top of the seed).`;
  const report = `# Community health benchmark\n\ngetCommunityHealth (all six aggregate queries, in parallel) on ${data}\n\n${table}\n\n${verdict}\n\n${machine}\n`;
  console.log(`\n${table}\n\n${verdict}`);
  const file = path.resolve("bench-results", "health.md");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, report);
  console.log(`Written to ${path.relative(process.cwd(), file)}`);
  await db().$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
