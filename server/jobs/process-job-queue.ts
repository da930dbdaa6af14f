import "server-only";
import type PgBoss from "pg-boss";
import { env } from "@/server/env";
import { createJobQueue, type JobQueueRole } from "./create-job-queue";

type ProcessQueue = { role: JobQueueRole; boss: Promise<PgBoss> };

// On globalThis: Next compiles instrumentation.ts, route handlers and server actions into separate
// module graphs of one process, and they must share the one PgBoss started in register().
const holder = globalThis as unknown as { entraideJobQueue?: ProcessQueue };

/**
 * Starts this process's PgBoss (once; later calls return the same one). "worker" when the process
 * runs the handlers (npm run worker, or the web server unless ENTRAIDE_WORKER=off), "sender" when
 * it only hands jobs over.
 */
export function startProcessJobQueue(role: JobQueueRole): Promise<PgBoss> {
  if (!holder.entraideJobQueue) {
    const boss = createJobQueue({ connectionString: env().DATABASE_URL, role });
    holder.entraideJobQueue = { role, boss };
    // A failed start is reported once and forgotten, so a later call can try again.
    boss.catch((error) => {
      console.error("[entraide] the job queue could not start:", error);
      if (holder.entraideJobQueue?.boss === boss) holder.entraideJobQueue = undefined;
    });
  }
  return holder.entraideJobQueue.boss;
}

/** This process's PgBoss if one was started, else undefined (tests, seed and other scripts). */
export function processJobQueue(): Promise<PgBoss> | undefined {
  return holder.entraideJobQueue?.boss;
}

/** Stops it gracefully: running jobs get `timeoutMs` to finish, then pg-boss gives up on them. */
export async function stopProcessJobQueue(timeoutMs = 20_000): Promise<void> {
  const current = holder.entraideJobQueue;
  if (!current) return;
  holder.entraideJobQueue = undefined;
  const boss = await current.boss.catch(() => undefined);
  await boss?.stop({ graceful: true, timeout: timeoutMs, wait: true });
}
