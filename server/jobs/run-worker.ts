import "server-only";
import type PgBoss from "pg-boss";
import { startProcessJobQueue, stopProcessJobQueue } from "./process-job-queue";
import { startWorker } from "./start-worker";

// On globalThis: Next's dev server may evaluate this module (and call register()) more than once.
const holder = globalThis as unknown as { entraideWorker?: Promise<PgBoss> };

/**
 * Starts this process's job queue as a worker and runs every handler (once per process).
 * `stopOnSignals` (the worker script only) stops it gracefully on SIGTERM/SIGINT: running jobs get
 * up to 20 s; an interrupted fan-out rolls back and its job is retried.
 */
export function runWorker(options: { stopOnSignals?: boolean; onStopped?: () => void } = {}): Promise<PgBoss> {
  holder.entraideWorker ??= (async () => {
    const boss = await startProcessJobQueue("worker");
    await startWorker(boss);
    return boss;
  })();
  // A failed start can be retried by a later call.
  const started = holder.entraideWorker;
  started.catch(() => {
    if (holder.entraideWorker === started) holder.entraideWorker = undefined;
  });
  if (options.stopOnSignals) {
    const stop = () => {
      void stopProcessJobQueue().finally(() => options.onStopped?.());
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  }
  return holder.entraideWorker;
}
