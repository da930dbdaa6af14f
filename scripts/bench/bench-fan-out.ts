/**
 * Fan-out of one event to 100,000 watchers of one product. In the database of DATABASE_URL (it
 * writes test data: never point it at a database whose content matters), creates a product and
 * 100,000 members watching it at "Everything" with in-app on, e-mail on for 10% of them
 * (BENCH_WATCHERS and BENCH_EMAIL_SHARE change both), with set-based INSERT … SELECT over
 * generate_series; then posts one new thread through the real createThread and times:
 *   - the fan-out: fanOutEvent, what the fan-out job runs (in-app and e-mail rows written);
 *   - the hand-off of the e-mails to a local SMTP sink (in-process, accepts and counts) by the
 *     real sender, sendDueEmails, run by BENCH_SENDERS (default 4) concurrent
 *     senders as that many workers would, until every e-mail row is SENT.
 * Prints a table and writes it to bench-results/fan-out.md (not committed: machine-specific).
 *
 *   npm run bench    # runs the thread-page bench, then this one, on one throwaway database
 *   npx tsx --conditions=react-server scripts/with-database.ts --fresh --seed -- \
 *     npx tsx --conditions=react-server scripts/bench/bench-fan-out.ts
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startCountingSmtpSink } from "./counting-smtp-sink";

const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 100_000);
const EMAIL_SHARE = Number(process.env.BENCH_EMAIL_SHARE ?? 0.1);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 4);
const TARGET_SECONDS = 20; // issue 8: fan-out to 100,000 watchers in under 20 s

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const count = (n: number) => n.toLocaleString("en-US");
const perSecond = (n: number, ms: number) => `${count(Math.round(n / (ms / 1000)))}/s`;

async function main() {
  // Before anything reads the environment (env() is parsed once, on first use).
  const sink = await startCountingSmtpSink();
  process.env.SMTP_URL = sink.url;
  const { db } = await import("@/server/db/client");
  const { createThread } = await import("@/server/discussions/create-thread");
  const { fanOutEvent } = await import("@/server/notifications/fan-out-event");
  const { sendDueEmails } = await import("@/server/notifications/send-due-emails");

  const stamp = Date.now().toString(36);
  const emailEvery = Math.max(1, Math.round(1 / EMAIL_SHARE));
  console.log(`Fan-out bench: ${count(WATCHERS)} members watching one product at Everything (in-app on), e-mail on for 1 in ${emailEvery}; ${SENDERS} concurrent e-mail senders`);

  // --- Setup (not timed against the target) -----------------------------------------------
  const setupStart = performance.now();
  const category = await db().category.create({ data: { name: `Bench category ${stamp}`, slug: `bench-category-${stamp}` }, select: { id: true } });
  const product = await db().product.create({
    data: { categoryId: category.id, name: `Bench product ${stamp}`, sku: `BENCH-${stamp.toUpperCase()}`, slug: `bench-product-${stamp}` },
    select: { id: true, slug: true },
  });
  await db().$executeRaw`
    INSERT INTO "User" ("id", "email", "displayName", "locale", "isMember", "memberSince", "createdAt", "updatedAt")
    SELECT 'bw' || ${stamp} || '_' || g, 'bench-watcher-' || ${stamp} || '-' || g || '@bench.example.test', 'Watcher ' || g,
           (CASE WHEN g % 2 = 0 THEN 'fr' ELSE 'en' END)::"Locale", true, now(), now(), now()
    FROM generate_series(1, ${WATCHERS}::int) g`;
  await db().$executeRaw`
    INSERT INTO "AlertSubscription" ("id", "userId", "productId", "level", "inApp", "email", "source", "chosenAt", "updatedAt")
    SELECT 'bs' || ${stamp} || '_' || g, 'bw' || ${stamp} || '_' || g, ${product.id}, 'EVERYTHING'::"AlertLevel", true, g % ${emailEvery}::int = 0,
           'PRODUCT_PAGE'::"ConsentSource", now(), now()
    FROM generate_series(1, ${WATCHERS}::int) g`;
  // What autovacuum would do after such a bulk load, so the planner knows the new sizes.
  await db().$executeRawUnsafe(`ANALYZE "User", "AlertSubscription", "EmailPreference", "PersonalEventPreference", "Notification", "EmailDelivery"`);
  const author = await db().user.create({
    data: { email: `bench-author-${stamp}@bench.example.test`, displayName: `Bench author ${stamp}`, isMember: true, memberSince: new Date() },
    select: { id: true },
  });
  const setupMs = performance.now() - setupStart;

  // --- The event -----------------------------------------------------------------------------
  const postStart = performance.now();
  const thread = await createThread({ actorId: author.id, productSlug: product.slug, kind: "DISCUSSION", title: `Bench thread ${stamp}: firmware 2.1 is out`, body: "Release notes inside.", language: "en" });
  const postMs = performance.now() - postStart;
  const event = await db().notificationEvent.findFirstOrThrow({ where: { postId: thread.postId }, select: { id: true } });

  // --- Fan-out -------------------------------------------------------------------------------
  const fanOutStart = performance.now();
  const fanOut = await fanOutEvent(event.id);
  const fanOutMs = performance.now() - fanOutStart;
  if (fanOut.status !== "done") throw new Error(`fan-out answered ${fanOut.status}`);
  const expectedEmails = Math.floor(WATCHERS / emailEvery);
  if (fanOut.inApp !== WATCHERS || fanOut.email !== expectedEmails) {
    throw new Error(`fan-out wrote ${fanOut.inApp} in-app and ${fanOut.email} e-mail rows; expected ${WATCHERS} and ${expectedEmails}`);
  }

  // --- Hand-off to SMTP ------------------------------------------------------------------------
  const sendStart = performance.now();
  const results = await Promise.all(Array.from({ length: SENDERS }, () => sendDueEmails()));
  const sendMs = performance.now() - sendStart;
  const sent = results.reduce((sum, result) => sum + result.sent, 0);
  const statuses = await db().emailDelivery.groupBy({ by: ["status"], where: { eventId: event.id }, _count: { _all: true } });
  const sentRows = statuses.find((row) => row.status === "SENT")?._count._all ?? 0;
  if (sent !== expectedEmails || sentRows !== expectedEmails || sink.received() !== expectedEmails) {
    throw new Error(`e-mails: ${sent} sent by the senders, ${sentRows} rows SENT, ${sink.received()} received by the sink; expected ${expectedEmails}`);
  }

  const withinTarget = fanOutMs < TARGET_SECONDS * 1000;
  const rows: [string, string, string, string][] = [
    ["Setup: users + subscriptions (INSERT … SELECT generate_series) + ANALYZE", `${count(WATCHERS)} + ${count(WATCHERS)}`, seconds(setupMs), perSecond(2 * WATCHERS, setupMs)],
    ["createThread (post + outbox event, one transaction)", "1 event", `${postMs.toFixed(0)} ms`, ""],
    ["Fan-out: fanOutEvent (in-app + e-mail rows)", `${count(fanOut.inApp)} + ${count(fanOut.email)}`, seconds(fanOutMs), perSecond(fanOut.inApp + fanOut.email, fanOutMs)],
    [`E-mail hand-off: sendDueEmails ×${SENDERS} → local SMTP sink`, `${count(sent)} messages`, seconds(sendMs), perSecond(sent, sendMs)],
    ["Fan-out + hand-off", "", seconds(fanOutMs + sendMs), ""],
  ];
  const table = [
    "| Step | Rows | Time | Rate |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
  const verdict = `Target (issue 8): fan-out to ${count(WATCHERS)} watchers < ${TARGET_SECONDS} s — ${withinTarget ? "met" : "MISSED"} (${seconds(fanOutMs)}).`;
  const machine = `${os.cpus().length} CPU (${os.cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, ${new Date().toISOString()}`;
  const report = `# Fan-out benchmark\n\n${count(WATCHERS)} members watch one product at Everything with in-app on; e-mail is on for 1 in ${emailEvery} (${(100 / emailEvery).toFixed(0)}%). One new thread through createThread, fanned out by fanOutEvent; the e-mails handed to a local SMTP sink (accepts and counts, answers at once like a local relay) by ${SENDERS} concurrent sendDueEmails (one transaction per message: lock, consent re-check, render, SMTP, mark SENT).\n\n${table}\n\n${verdict}\n\n${machine}\n`;
  console.log(`\n${table}\n\n${verdict}`);
  const file = path.resolve("bench-results", "fan-out.md");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, report);
  console.log(`Written to ${path.relative(process.cwd(), file)}`);

  await sink.stop();
  await db().$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
