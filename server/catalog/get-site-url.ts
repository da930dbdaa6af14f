import "server-only";
import { env } from "@/server/env";

/** The public base URL (APP_URL), so canonical links are absolute and never taken from the Host header. */
export function getSiteUrl(): URL {
  return new URL(env().APP_URL);
}
