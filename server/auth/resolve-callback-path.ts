import "server-only";
import { env } from "@/server/env";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";

/**
 * `?callbackUrl=` from a request, reduced to a path on this site (or "/"). Never the sign-in
 * pages themselves: a signed-in visitor is redirected there and would loop.
 */
export function resolveCallbackPath(raw: string | string[] | undefined): string {
  const path = safeCallbackPath(typeof raw === "string" ? raw : undefined, env().APP_URL);
  return /^\/signin(?:[/?#]|$)/.test(path) ? "/" : path;
}
