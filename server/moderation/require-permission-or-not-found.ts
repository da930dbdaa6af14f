import "server-only";
import { notFound } from "next/navigation";
import type { Permission } from "@/lib/moderation/permissions";
import { isAppError } from "@/server/errors/app-error";
import { requirePermission, type Moderator } from "./require-permission";

/**
 * For pages under /moderation: the person if they hold `permission`, otherwise a plain 404 (a
 * page never reveals what it would show). Call requireUser first so signed-out people sign in.
 */
export async function requirePermissionOrNotFound(actorId: string, permission: Permission): Promise<Moderator> {
  try {
    return await requirePermission(actorId, permission);
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}
