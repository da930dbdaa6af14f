/**
 * PostgreSQL restarts (fast shutdown: every connection cut, open transactions rolled back) while
 * two real worker processes (`npm run worker`) fan one event out to 20,000 watchers and hand its
 * e-mails to an SMTP sink. After recovery: every in-app notification exists once, every e-mail
 * row is SENT, and every recipient got their message — once by Message-ID. A restart that lands
 * between SMTP accepting a message and the row's commit makes the sender hand it over again
 * (at-least-once on the wire; the copy carries the same Message-ID, so receivers drop it): the
 * test allows that, and only that.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { pickFreePorts, startWorkerProcess, type AppProcess } from "./support/app-processes";
import { configureTestProcess, emailStatuses, eventually, fanOutJob, newThreadEvent, productWithWatchers, sendEmailJob, sendJobs } from "./support/fault-world";
import { startRecordingSmtpSink, tally, type RecordingSmtpSink } from "./support/recording-smtp-sink";
import { startRestartablePostgres, type RestartablePostgres } from "./support/restartable-postgres";

const WATCHERS = 20_000;
const EMAIL_EVERY = 50; // 400 e-mails

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

/** Restarts PostgreSQL as soon as a statement matching `pattern` is running (polled every 5 ms). */
async function restartWhenRunning(pattern: string, timeoutMs: number): Promise<void> {
  const monitor = new pg.Client({ connectionString: database.url });
  await monitor.connect();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const { rows } = await monitor.query<{ running: number }>(
        `SELECT count(*)::int AS running FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE $1`,
        [pattern],
      );
      if (rows[0]!.running > 0) break;
      if (Date.now() > deadline) throw new Error(`No statement like ${pattern} ran within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await monitor.end().catch(() => {});
  }
  await restart();
}

async function restart() {
  await database.stop();
  // Down long enough for every pool to notice and for retries to fail at least once.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await database.start();
}

describe("PostgreSQL restarting during a fan-out", () => {
  it("after recovery every notification exists once and every e-mail is delivered (once per Message-ID)", async () => {
    const world = await productWithWatchers(WATCHERS, EMAIL_EVERY);
    const thread = await newThreadEvent(world.product.slug, world.author.id);

    // 1. Restart in the middle of the fan-out's INSERT … SELECT of 20,000 notifications (both of
    // its statements start with this CTE; pg_stat_activity keeps only the first 1 kB of a query).
    const restarted = restartWhenRunning("%WITH ev AS (%", 30_000);
    await sendJobs(database.url, [fanOutJob(thread.eventId)]);
    await restarted;
    const recoveryStart = Date.now();

    await eventually(
      "the event to be fanned out after the restart",
      async () => (await db().notificationEvent.findUniqueOrThrow({ where: { id: thread.eventId }, select: { fannedOutAt: true } })).fannedOutAt !== null,
      60_000,
    );
    const fanOutRecoveryMs = Date.now() - recoveryStart;
    // Mid-flight for real: a worker's fan-out failed with the database and ran again once it was back.
    expect(workers.map((worker) => worker.output()).join("\n")).toContain("the database is back; running the interrupted job again");
    const inApp = await db().notification.groupBy({ by: ["userId"], where: { eventId: thread.eventId }, _count: { _all: true } });
    expect(inApp).toHaveLength(WATCHERS);
    expect(inApp.every((row) => row._count._all === 1)).toBe(true);
    expect(await db().emailDelivery.count({ where: { eventId: thread.eventId } })).toBe(world.emails);

    // 2. Restart again while the e-mails are being handed to SMTP.
    await eventually("a quarter of the e-mails to reach the sink", async () => sink.received.length >= world.emails / 4, 120_000, 20);
    const receivedBeforeSecondRestart = sink.received.length;
    await restart();
    expect(receivedBeforeSecondRestart).toBeLessThan(world.emails);

    // Rows a sender had claimed when the database went away keep their 10-minute lease, and a
    // row whose SMTP hand-off failed waits out its backoff. Time passes (the test moves their
    // dueAt instead of waiting), then the sender is woken as the fan-out or its cron would.
    await eventually(
      "the database to answer again",
      async () => (await db().emailDelivery.updateMany({ where: { eventId: thread.eventId, status: "PENDING" }, data: { dueAt: new Date() } }), true),
      30_000,
    );
    await sendJobs(database.url, [sendEmailJob()]);
    await eventually("every e-mail row to be SENT", async () => (await emailStatuses(thread.eventId)).SENT === world.emails, 90_000).catch(async (error: Error) => {
      const jobs = await db().$queryRawUnsafe(`SELECT name, state, retry_count, started_on, created_on, expire_in::text FROM pgboss.job WHERE name = 'send-email' ORDER BY created_on`);
      throw new Error(`${error.message}\nrows: ${JSON.stringify(await emailStatuses(thread.eventId))}, sink: ${sink.received.length}\njobs: ${JSON.stringify(jobs)}\n${workers.map((w) => w.output().slice(-3000)).join("\n----\n")}`);
    });

    const { perRecipient, duplicates } = tally(sink.received);
    const recipients = await db().emailDelivery.findMany({ where: { eventId: thread.eventId }, select: { messageId: true, user: { select: { email: true } } } });
    // Every recipient got exactly one message (by Message-ID), the one its row records.
    expect(perRecipient.size).toBe(world.emails);
    for (const row of recipients) expect([...(perRecipient.get(row.user.email) ?? [])]).toEqual([row.messageId]);
    // A copy on the wire happens only for a message in flight when the database went away: at
    // most one per restart per worker, and always with the original Message-ID.
    expect(duplicates.length).toBeLessThanOrEqual(2 * workers.length);
    expect(duplicates.every(([, count]) => count === 2)).toBe(true);
    // Nobody crashed: both workers are still running.
    expect(workers.every((worker) => worker.child.exitCode === null && worker.child.signalCode === null)).toBe(true);
    console.info(
      `[faults] postgres restarts: fan-out recovered in ${(fanOutRecoveryMs / 1000).toFixed(1)} s; ` +
        `${world.emails} e-mails, ${sink.received.length} SMTP hand-offs, ${duplicates.length} resent copies (same Message-ID); ` +
        `jobs rerun after the outage per worker: ${workers.map((worker) => worker.output().split("running the interrupted job again").length - 1).join(", ")}`,
    );
  }, 420_000);
});
