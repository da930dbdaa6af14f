import "server-only";

/**
 * A LISTEN/NOTIFY channel name we accept: lower-case identifier, so it can be used unquoted-safe
 * in LISTEN "…" and is the same string pg_notify() is given. Throws on anything else.
 */
const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertLiveChannelName(channel: string): string {
  if (!CHANNEL_PATTERN.test(channel)) throw new Error(`Invalid live channel name: ${JSON.stringify(channel)}`);
  return channel;
}
