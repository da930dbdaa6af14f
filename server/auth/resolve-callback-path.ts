import "server-only";
import { env } from "@/server/env";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";

/** `?callbackUrl=` from a request, reduced to a path on this site (or "/"). */
export function resolveCallbackPath(raw: string | string[] | undefined): string {
  return safeCallbackPath(typeof raw === "string" ? raw : undefined, env().APP_URL);
}
