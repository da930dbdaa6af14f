import "server-only";
import { db } from "@/server/db/client";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function databaseAnswers(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a job handler's (idempotent) work; when it fails while the database does not answer — a
 * restart, a failover — waits until it answers again (0.5 s doubling to 5 s, at most `maxWaitMs`)
 * and runs the work again, instead of failing the job at once. A job failed during the outage
 * cannot record its failure: pg-boss 10 leaves it "active" until it expires (10 minutes for
 * send-email, whose stately policy holds every later send-email job back meanwhile), and its
 * unawaited fail() rejects. An error while the database answers is the handler's own: rethrown
 * at once, for pg-boss to retry as configured.
 */
export async function retryThroughDatabaseOutage<T>(work: () => Promise<T>, { maxWaitMs = 5 * 60_000 }: { maxWaitMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (await databaseAnswers()) throw error;
      let delayMs = 500;
      do {
        if (Date.now() > deadline) throw error;
        await sleep(delayMs);
        delayMs = Math.min(delayMs * 2, 5_000);
      } while (!(await databaseAnswers()));
      console.warn("[entraide] job queue: the database is back; running the interrupted job again");
    }
  }
}
