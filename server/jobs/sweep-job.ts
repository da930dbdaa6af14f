import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/server/db/client";
import type { JobHandler } from "./job-handler";
import { QUEUE } from "./queue-names";

const SWEEP_BATCH = 1000;

/**
 * Sends a fan-out job for every event still without fannedOutAt `olderThanSeconds` after it was
 * written: the process crashed between commit and send, the send failed, or the write happened
 * where no job queue runs (tests, scripts). An event whose job is merely slow may get a second
 * job; the fan-out is idempotent, so that costs one row lock. One INSERT of all the jobs.
 */
export async function sweepUnfannedEvents(boss: PgBoss, olderThanSeconds = 60): Promise<number> {
  const rows = await db().$queryRaw<{ id: bigint }[]>`
    SELECT "id" FROM "NotificationEvent"
    WHERE "fannedOutAt" IS NULL AND "createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${olderThanSeconds})
    ORDER BY "id"
    LIMIT ${SWEEP_BATCH}`;
  if (rows.length === 0) return 0;
  await boss.insert(rows.map((row) => ({ name: QUEUE.fanOut, data: { eventId: row.id.toString() } })));
  return rows.length;
}

export const sweepJob: JobHandler = {
  queue: QUEUE.sweep,
  cron: "* * * * *",
  async handle(_jobs, { boss }) {
    const sent = await sweepUnfannedEvents(boss);
    if (sent > 0) console.warn(`[entraide] sweeper re-sent ${sent} fan-out job(s) for events left behind`);
  },
};
