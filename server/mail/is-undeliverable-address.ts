import "server-only";

/**
 * True for addresses in the reserved ".invalid" top-level domain (RFC 2606), which can never
 * receive mail. Deleted accounts get such a tombstone address ("deleted-<id>@deleted.invalid"),
 * so refusing the whole domain guarantees a deleted person is never mailed through their row.
 */
export function isUndeliverableAddress(email: string): boolean {
  const domain = email.trim().toLowerCase().split("@").pop() ?? "";
  return domain === "invalid" || domain.endsWith(".invalid");
}
