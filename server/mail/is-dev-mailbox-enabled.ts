import "server-only";
import { env } from "@/server/env";

/**
 * The development mailbox exists only where mail is stored instead of sent: never in
 * production, and not when SMTP_URL is set (then nothing is stored).
 */
export function isDevMailboxEnabled(): boolean {
  const { NODE_ENV, SMTP_URL } = env();
  return NODE_ENV !== "production" && !SMTP_URL;
}
