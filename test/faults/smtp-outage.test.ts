/**
 * The mail server goes away in the middle of the hand-off of one fan-out's e-mails (two real
 * worker processes sending), then comes back. The sink cuts every connection right after the
 * 80th message has fully arrived — recorded, but never acknowledged with "250" — and refuses
 * connections until restarted. What is true, and tested:
 *   - nothing is lost: every row ends SENT, every recipient receives their message;
 *   - a failure counts an attempt and waits out the backoff (2^attempts minutes), nothing FAILED;
 *   - a message the server accepted but whose "250" never reached the sender is sent again
 *     after recovery with the SAME Message-ID (the sender cannot tell "lost before" from "lost
 *     after"): at-least-once on the wire, exactly once per Message-ID at the receiver — and no
 *     acknowledged message is ever sent twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { pickFreePorts, startWorkerProcess, type AppProcess } from "./support/app-processes";
import { configureTestProcess, emailStatuses, eventually, fanOutJob, newThreadEvent, productWithWatchers, sendEmailJob, sendJobs } from "./support/fault-world";
import { startRecordingSmtpSink, tally, type RecordingSmtpSink } from "./support/recording-smtp-sink";
import { startRestartablePostgres, type RestartablePostgres } from "./support/restartable-postgres";

const WATCHERS = 3_000;
const EMAIL_EVERY = 10; // 300 e-mails
const CUT_AT = 80;

let database: RestartablePostgres;
let sink: RecordingSmtpSink;
const workers: AppProcess[] = [];

beforeAll(async () => {
  const [postgresPort, smtpPort] = await pickFreePorts(2);
  database = await startRestartablePostgres(postgresPort!);
  sink = await startRecordingSmtpSink(smtpPort!);
  const settings = { databaseUrl: database.url, smtpUrl: sink.url, appUrl: "https://help.faults.test" };
  configureTestProcess(settings);
  // One after the other, each kept at once: afterAll stops whichever started.
  workers.push(await startWorkerProcess("worker 1", settings));
  workers.push(await startWorkerProcess("worker 2", settings));
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  if (database && process.env.DATABASE_URL === database.url) await db().$disconnect().catch(() => {});
  await sink?.stop();
  await database?.destroy();
}, 60_000);

describe("the SMTP server stopping mid-delivery", () => {
  it("retries with backoff and, once it is back, every message is delivered; only an unacknowledged one is sent again, with its Message-ID", async () => {
    const world = await productWithWatchers(WATCHERS, EMAIL_EVERY);
    const thread = await newThreadEvent(world.product.slug, world.author.id);
    const cut = sink.cutAfter(CUT_AT);
    await sendJobs(database.url, [fanOutJob(thread.eventId)]);
    await cut;

    // The sender works through what it claimed: every other row fails fast (connection refused),
    // counts an attempt and is put off by the backoff. None is given up on.
    await eventually(
      "every unsent row to have failed once",
      async () => (await db().emailDelivery.count({ where: { eventId: thread.eventId, status: "PENDING", attempts: 0 } })) === 0,
      90_000,
    );
    const down = await db().emailDelivery.findMany({ where: { eventId: thread.eventId, status: { not: "SENT" } }, select: { status: true, attempts: true, dueAt: true, lastError: true } });
    expect(down.length).toBe(world.emails - (CUT_AT - 1));
    expect(down.every((row) => row.status === "PENDING" && row.attempts === 1 && row.lastError)).toBe(true);
    // Backoff: the first retry is two minutes away, not a hot loop against a dead server.
    expect(down.every((row) => row.dueAt.getTime() > Date.now() + 60_000)).toBe(true);
    expect(sink.received).toHaveLength(CUT_AT);

    await sink.start();
    // Time passes: the backoff is over (the test moves dueAt instead of waiting two minutes);
    // the worker's cron would wake the sender within a minute, the test wakes it at once.
    await db().emailDelivery.updateMany({ where: { eventId: thread.eventId, status: "PENDING" }, data: { dueAt: new Date() } });
    await sendJobs(database.url, [sendEmailJob()]);
    await eventually("every e-mail row to be SENT", async () => (await emailStatuses(thread.eventId)).SENT === world.emails, 120_000);

    const rows = await db().emailDelivery.findMany({ where: { eventId: thread.eventId }, select: { messageId: true, attempts: true, user: { select: { email: true } } } });
    const { perRecipient, copies, duplicates } = tally(sink.received);
    expect(perRecipient.size).toBe(world.emails);
    for (const row of rows) expect([...(perRecipient.get(row.user.email) ?? [])]).toEqual([row.messageId]);
    // Sent again only what the server had but never acknowledged, and with the same Message-ID.
    const unacknowledged = new Set(sink.received.filter((message) => !message.acknowledged).map((message) => message.messageId));
    expect(unacknowledged.size).toBeGreaterThanOrEqual(1);
    expect(duplicates.map(([messageId]) => messageId).sort()).toEqual([...unacknowledged].sort());
    expect([...copies.values()].every((count) => count <= 2)).toBe(true);
    // Delivered before the cut: one attempt-free send; after it: exactly one failed attempt each.
    expect(rows.filter((row) => row.attempts === 0)).toHaveLength(CUT_AT - 1);
    expect(rows.filter((row) => row.attempts === 1)).toHaveLength(world.emails - (CUT_AT - 1));
    console.info(`[faults] SMTP outage: ${world.emails} e-mails, ${sink.received.length} SMTP hand-offs, ${duplicates.length} resent copy (accepted but unacknowledged; same Message-ID)`);
  }, 300_000);
});
