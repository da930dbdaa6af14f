import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { hasPermission, type Permission, type Role } from "@/lib/moderation/permissions";

export type Moderator = { id: string; role: Role; displayName: string | null };

/**
 * The acting person, if they hold `permission`. Reads the role from the database on every call
 * (a demoted moderator is refused at once, whatever their session says).
 * Throws SIGN_IN_REQUIRED (signed out, unknown or deleted) or FORBIDDEN (details.reason MISSING_PERMISSION).
 */
export async function requirePermission(actorId: string | null, permission: Permission): Promise<Moderator> {
  if (!actorId) throw new AppError("SIGN_IN_REQUIRED");
  const user = await db().user.findUnique({ where: { id: actorId }, select: { id: true, role: true, displayName: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new AppError("SIGN_IN_REQUIRED");
  if (!hasPermission(user.role, permission)) throw new AppError("FORBIDDEN", { details: { reason: "MISSING_PERMISSION", permission } });
  return { id: user.id, role: user.role, displayName: user.displayName };
}
