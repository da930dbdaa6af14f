import "server-only";
import { env } from "@/server/env";
import { createLiveListener, type LiveListener, type LiveSubscriber } from "./create-live-listener";

// ONE LISTEN connection per process. Next's dev server re-evaluates modules on every edit, so the
// listener lives on globalThis instead of being recreated (and leaking a connection) each time.
const globalForLive = globalThis as unknown as { entraideLiveListener?: LiveListener };

/** The process-wide listener (created on first use). */
export function liveListener(): LiveListener {
  globalForLive.entraideLiveListener ??= createLiveListener({ connectionString: env().DATABASE_URL });
  return globalForLive.entraideLiveListener;
}

/**
 * Subscribes to a NOTIFY channel through the process-wide listener; resolves once LISTEN is in
 * place with the function that unsubscribes. Events published by any web instance on the same
 * database arrive here.
 */
export function subscribeLiveChannel(channel: string, subscriber: LiveSubscriber): Promise<() => void> {
  return liveListener().subscribe(channel, subscriber);
}
