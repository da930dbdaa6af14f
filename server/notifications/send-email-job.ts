import "server-only";
import type { JobHandler } from "@/server/jobs/job-handler";
import { QUEUE } from "@/server/jobs/queue-names";
import { sendDueEmails } from "./send-due-emails";

/**
 * Woken by the fan-out when it wrote e-mail rows, and every minute for retries whose backoff has
 * passed: drains every due IMMEDIATE delivery (sendDueEmails claims with SKIP LOCKED, so several
 * workers share the work without sending anything twice).
 */
export const sendEmailJob: JobHandler = {
  queue: QUEUE.sendEmail,
  cron: "* * * * *",
  pollingIntervalSeconds: 1,
  async handle() {
    const result = await sendDueEmails();
    if (result.retried + result.failed > 0) console.warn(`[entraide] e-mail sender: ${result.retried} to retry, ${result.failed} failed for good`);
  },
};
