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
    await boss.createQueue(name, { name, ...queueOptions });
  }
  return boss;
}
