import "server-only";
import { db } from "@/server/db/client";
import { hashEmailAddress } from "./hash-email-address";

/** Whether this address must never be mailed again (its account was deleted). */
export async function isEmailSuppressed(email: string): Promise<boolean> {
  const entry = await db().emailSuppression.findUnique({
    where: { emailSha256: hashEmailAddress(email) },
    select: { emailSha256: true },
  });
  return entry !== null;
}
