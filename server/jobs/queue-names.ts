import "server-only";
import type PgBoss from "pg-boss";

/** Every pg-boss queue the app uses (pg-boss 10 needs createQueue before send/work). */
export const QUEUE = {
  /** { eventId } -> fanOutEvent: one outbox event into notification and e-mail rows. */
  fanOut: "fan-out",
  /** "There are due e-mails": the sender claims PENDING rows in batches (no data, no per-recipient jobs). */
  sendEmail: "send-email",
  /** Daily/weekly digests whose slot has passed. */
  digest: "digest",
  /** Re-sends fan-out jobs for events left without fannedOutAt for over a minute. */
  sweep: "sweep",
} as const;

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/**
 * fan-out: standard (one job per event; the fan-out itself is idempotent), retried with backoff.
 * The others are "wake up and drain the table" triggers: `stately` keeps at most one queued and
 * one active job, so a burst of triggers collapses into one run.
 */
export const QUEUE_OPTIONS: Record<QueueName, Omit<PgBoss.Queue, "name">> = {
  [QUEUE.fanOut]: { policy: "standard", retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  [QUEUE.sendEmail]: { policy: "stately", retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 600 },
  [QUEUE.digest]: { policy: "stately", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 1800 },
  [QUEUE.sweep]: { policy: "stately", retryLimit: 0, expireInSeconds: 120 },
};
