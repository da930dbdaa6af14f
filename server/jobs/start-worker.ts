import "server-only";
import type PgBoss from "pg-boss";
import type { JobHandler } from "./job-handler";
import { JOB_HANDLERS } from "./job-handlers";
import { retryThroughDatabaseOutage } from "./retry-through-database-outage";

/** Registers every handler (and its cron schedule) on a started PgBoss. */
export async function startWorker(boss: PgBoss, handlers: readonly JobHandler[] = JOB_HANDLERS): Promise<void> {
  for (const handler of handlers) {
    const options: PgBoss.WorkOptions = {};
    if (handler.batchSize) options.batchSize = handler.batchSize;
    if (handler.pollingIntervalSeconds) options.pollingIntervalSeconds = handler.pollingIntervalSeconds;
    // Every handler is idempotent: rerun after a database outage rather than fail mid-outage.
    await boss.work<Record<string, unknown>>(handler.queue, options, (jobs) => retryThroughDatabaseOutage(() => handler.handle(jobs, { boss })));
    if (handler.cron) await boss.schedule(handler.queue, handler.cron);
    if (handler.runAtStart) await boss.send(handler.queue, {});
  }
}
