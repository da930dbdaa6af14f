import "server-only";
import type { Prisma } from "@/server/db/client";
import { hashEmailAddress } from "./hash-email-address";

/**
 * Adds the address's hash to the never-mail-again list inside the caller's transaction.
 * Suppressing an already suppressed address is not an error (ON CONFLICT DO NOTHING).
 */
export async function suppressEmail(tx: Prisma.TransactionClient, email: string, reason: string): Promise<void> {
  await tx.emailSuppression.createMany({ data: [{ emailSha256: hashEmailAddress(email), reason }], skipDuplicates: true });
}
