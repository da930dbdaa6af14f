import "server-only";
import type { JobHandler } from "@/server/jobs/job-handler";
import { QUEUE } from "@/server/jobs/queue-names";
import { sendDueDigests } from "./send-due-digests";

/**
 * Every 15 minutes (so a slot at any local quarter hour goes out on time) and once when a worker
 * starts (slots passed while no worker ran): sends every daily/weekly digest whose slot has passed.
 * The `digest` queue is stately and sendDueDigests claims with SKIP LOCKED: several workers never
 * send a digest twice.
 */
export const digestJob: JobHandler = {
  queue: QUEUE.digest,
  cron: "*/15 * * * *",
  runAtStart: true,
  async handle() {
    const result = await sendDueDigests();
    if (result.retried + result.failed > 0) console.warn(`[entraide] digests: ${result.retried} to retry, ${result.failed} failed for good`);
  },
};
