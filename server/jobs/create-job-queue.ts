import "server-only";
import PgBoss from "pg-boss";
import { ignoreJobQueueOutageRejections } from "./ignore-job-queue-outage-rejections";
import { QUEUE_OPTIONS, type QueueName } from "./queue-names";

export type JobQueueRole =
  /** Runs handlers, cron schedules and pg-boss maintenance. */
  | "worker"
  /** Only sends jobs (a web instance started with ENTRAIDE_WORKER=off). */
  | "sender";

/** pg-boss keeps its tables in their own schema of the app's database. */
export const JOB_SCHEMA = "pgboss";

/**
 * A started PgBoss on the app's database with every queue created. Use processJobQueue() in the
 * app (one per process); tests create several to play several workers.
 */
export async function createJobQueue(options: { connectionString: string; role: JobQueueRole }): Promise<PgBoss> {
  const worker = options.role === "worker";
  if (worker) ignoreJobQueueOutageRejections();
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOB_SCHEMA,
    application_name: `entraide-jobs-${options.role}`,
    max: worker ? 4 : 2,
    supervise: worker,
    schedule: worker,
  });
  // pg-boss reports connection trouble here instead of throwing; unhandled, it would crash the
  // process. It retries by itself. A database shutting down (57P01, e.g. Ctrl-C stopping the
  // embedded server with everything else) is not worth a line.
  boss.on("error", (error) => {
    if ((error as { code?: string }).code === "57P01") return;
    console.error("[entraide] job queue:", error instanceof Error ? error.message : error);
  });
  await boss.start();
  for (const [name, queueOptions] of Object.entries(QUEUE_OPTIONS) as [QueueName, Omit<PgBoss.Queue, "name">][]) {
    await createQueueOnce(boss, name, { name, ...queueOptions });
  }
  return boss;
}

const DEADLOCK_DETECTED = "40P01";

/**
 * createQueue is idempotent, but two processes creating the same queue's partition at the same
 * moment (web instances and workers starting together on a new database) can deadlock, and the
 * loser's start failed (test/multi-instance). PostgreSQL has already rolled the loser back, so
 * trying again after a short random pause is safe; by then the queue usually exists.
 */
async function createQueueOnce(boss: PgBoss, name: QueueName, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (await boss.getQueue(name)) return;
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250 * attempt));
    }
  }
}
