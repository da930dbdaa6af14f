import "server-only";
import { db } from "@/server/db/client";

export interface SentEmailEntry {
  userId: string;
  messageId: string;
  kind: string;
  subject: string;
}

/** Records that a person was mailed (kind and subject, never the body) for their data export. */
export async function logSentEmail(entry: SentEmailEntry): Promise<void> {
  await db().sentEmail.create({ data: entry, select: { id: true } });
}
