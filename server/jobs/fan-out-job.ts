import "server-only";
import { fanOutEvent } from "@/server/notifications/fan-out-event";
import type { JobHandler } from "./job-handler";
import { QUEUE } from "./queue-names";

/**
 * Fans out each event of the batch (idempotent: a repeated job finds the event done), then wakes
 * the e-mail sender once if any e-mail row was written.
 */
export const fanOutJob: JobHandler = {
  queue: QUEUE.fanOut,
  batchSize: 10,
  pollingIntervalSeconds: 1,
  async handle(jobs, { boss }) {
    let emails = 0;
    for (const job of jobs) {
      const eventId = job.data.eventId;
      if (typeof eventId !== "string" || !/^\d+$/.test(eventId)) continue;
      const result = await fanOutEvent(BigInt(eventId));
      if (result.status === "done") emails += result.email;
    }
    if (emails > 0) await boss.send(QUEUE.sendEmail, {});
  },
};
