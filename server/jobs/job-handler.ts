import "server-only";
import type PgBoss from "pg-boss";
import type { QueueName } from "./queue-names";

export type JobContext = {
  /** The PgBoss running the handler, to send follow-up jobs. */
  boss: PgBoss;
};

/** What a worker runs for one queue (register it in job-handlers.ts). */
export type JobHandler = {
  queue: QueueName;
  /** pg-boss 10 hands over a batch (an array of jobs); throwing fails (and retries) the batch. */
  handle: (jobs: PgBoss.Job<Record<string, unknown>>[], context: JobContext) => Promise<void>;
  /** Also run it on this cron (pg-boss cron, minute precision, UTC), e.g. "* * * * *". */
  cron?: string;
  /** Also run it once when a worker starts (work whose time passed while no worker ran). */
  runAtStart?: boolean;
  batchSize?: number;
  pollingIntervalSeconds?: number;
};
