/**
 * What each role may do, as permission strings. Every moderation server function asks
 * `hasPermission(role, "…")` (through requirePermission on the server); nothing compares roles.
 * Safe on both sides, so pages can decide what to offer with the same table.
 */

export const PERMISSIONS = [
  "moderation.access",
  "queue.review",
  "post.approve",
  "post.hide",
  "post.delete",
  "post.edit",
  "thread.lock",
  "thread.pin",
  "thread.move",
  "thread.merge",
  "thread.accept",
  "member.view",
  "member.warn",
  "member.silence",
  "member.suspend",
  "member.recordWithdrawal",
  "audit.view",
  "health.view",
  "moderators.manage",
  "ledger.view",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type Role = "MEMBER" | "MODERATOR" | "ADMIN";

const MODERATOR_PERMISSIONS: readonly Permission[] = PERMISSIONS.filter(
  (permission) => permission !== "moderators.manage" && permission !== "ledger.view",
);

// Admins are moderators who also manage moderators and read the consent ledger (the
// data-protection role).
const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  MEMBER: new Set(),
  MODERATOR: new Set(MODERATOR_PERMISSIONS),
  ADMIN: new Set(PERMISSIONS),
};

export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  return role ? ROLE_PERMISSIONS[role].has(permission) : false;
}
