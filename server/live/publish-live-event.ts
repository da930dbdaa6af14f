import "server-only";
import type { Prisma } from "@/server/db/client";
import { assertLiveChannelName } from "./live-channel-name";

/**
 * Our own bound on a payload (PostgreSQL's is 8000 bytes). Payloads carry ids and small words
 * only — never content: anyone who may LISTEN sees them, and readers fetch content themselves.
 */
export const LIVE_PAYLOAD_MAX_BYTES = 1000;

/**
 * Publishes an event through the transaction's own connection: PostgreSQL delivers a NOTIFY when
 * (and only if) the transaction commits, so listeners never hear of a write that rolled back and
 * never read the database before the write is visible. Identical notifications in one
 * transaction are delivered once.
 */
export async function publishLiveEvent(tx: Prisma.TransactionClient, channel: string, payload: Record<string, unknown>): Promise<void> {
  assertLiveChannelName(channel);
  const text = JSON.stringify(payload);
  if (Buffer.byteLength(text, "utf8") > LIVE_PAYLOAD_MAX_BYTES) {
    throw new Error(`Live event payload for ${channel} is over ${LIVE_PAYLOAD_MAX_BYTES} bytes: send ids, not content`);
  }
  await tx.$executeRaw`SELECT pg_notify(${channel}, ${text})`;
}
