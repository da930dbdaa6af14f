import "server-only";
import type { MailHeader } from "./read-header-block";

/**
 * The https/http URL a mail client would POST to for a one-click unsubscribe (RFC 8058): only when
 * the message has both List-Unsubscribe (its first <http…> URI) and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`; null otherwise.
 */
export function findOneClickUnsubscribeUrl(headers: readonly MailHeader[]): string | null {
  const header = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value.trim();
  if (header("list-unsubscribe-post") !== "List-Unsubscribe=One-Click") return null;
  const uri = header("list-unsubscribe")?.match(/<(https?:\/\/[^>\s]+)>/)?.[1];
  return uri ?? null;
}
