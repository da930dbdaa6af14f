import "server-only";
import { cache } from "react";
import { hasPermission } from "@/lib/moderation/permissions";
import { getCurrentUser } from "@/server/auth/get-current-user";
import type { PostReader } from "./post-view";

/**
 * Who reads, once per request, for posts waiting for review or hidden: their author sees them
 * (with a notice), moderators see them (marked), everyone else does not. Role read from the database.
 */
export const getPostReader = cache(async (): Promise<PostReader> => {
  const user = await getCurrentUser();
  return user ? { userId: user.id, isModerator: hasPermission(user.role, "queue.review") } : { userId: null, isModerator: false };
});
