import "server-only";
import { env } from "@/server/env";
import { findOneClickUnsubscribeUrl } from "./find-one-click-unsubscribe-url";
import { getDevMail } from "./get-dev-mail";
import { isDevMailboxEnabled } from "./is-dev-mailbox-enabled";

export type DevOneClickOutcome = { status: number; location: string | null };

/**
 * Development mailbox: does what a mail provider does when someone clicks "Unsubscribe" — POSTs
 * exactly `List-Unsubscribe=One-Click` (urlencoded) to the message's List-Unsubscribe URL, from the
 * server, with no cookie, no Origin and no session, not following redirects — and reports the
 * answer. Only for stored development mail, and only to URLs under APP_URL (never elsewhere).
 * Null when there is nothing to post (mailbox off, unknown message, no one-click headers).
 */
export async function postDevOneClickUnsubscribe(mailId: string): Promise<DevOneClickOutcome | null> {
  if (!isDevMailboxEnabled()) return null;
  const mail = await getDevMail(mailId);
  const url = mail ? findOneClickUnsubscribeUrl(mail.headers) : null;
  if (!url || !url.startsWith(`${env().APP_URL}/`)) return null;
  const response = await fetch(url, {
    method: "POST",
    body: "List-Unsubscribe=One-Click",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    redirect: "manual",
    cache: "no-store",
    credentials: "omit",
  });
  await response.body?.cancel();
  return { status: response.status, location: response.headers.get("location") };
}
