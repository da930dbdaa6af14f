import "server-only";
import { fanOutJob } from "./fan-out-job";
import type { JobHandler } from "./job-handler";
import { sweepJob } from "./sweep-job";
import { sendEmailJob } from "@/server/notifications/send-email-job";
import { digestJob } from "@/server/notifications/digest-job";

/**
 * Every handler a worker runs. To add one: write a `JobHandler` (queue from queue-names.ts,
 * optional cron) next to the code it drives and add ONE line here.
 */
export const JOB_HANDLERS: readonly JobHandler[] = [
  fanOutJob,
  sweepJob,
  sendEmailJob,
  digestJob,
];
