import "server-only";

/**
 * The address a deleted account keeps: unique (the column is), tied to nobody, and in the
 * reserved ".invalid" domain (RFC 2606), which the mailer refuses outright.
 */
export function tombstoneEmailAddress(userId: string): string {
  return `deleted-${userId}@deleted.invalid`;
}
