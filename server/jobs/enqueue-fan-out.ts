import "server-only";
import { processJobQueue } from "./process-job-queue";
import { QUEUE } from "./queue-names";

/**
 * Hands an outbox event to the fan-out job. Call AFTER the transaction that wrote the event has
 * committed (a job must never run before its event is visible).
 *
 * Never throws: the post is already saved. When this process has no job queue (vitest, the seed,
 * one-off scripts) or the send fails, nothing is lost: the event keeps fannedOutAt = null and the
 * sweeper (every minute, in the worker) sends the job for it.
 */
export async function enqueueFanOut(eventId: bigint): Promise<void> {
  const queue = processJobQueue();
  if (!queue) return;
  try {
    const boss = await queue;
    await boss.send(QUEUE.fanOut, { eventId: eventId.toString() });
  } catch (error) {
    console.error(`[entraide] could not enqueue the fan-out of event ${eventId}; the sweeper will:`, error);
  }
}
