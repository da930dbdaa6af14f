import "server-only";
import pg from "pg";
import { assertLiveChannelName } from "./live-channel-name";

/** What one in-process subscriber of a channel is told. */
export type LiveSubscriber = {
  /** The NOTIFY payload, as published (a small JSON text). Must not throw; errors are logged. */
  onMessage: (payload: string) => void;
  /**
   * The LISTEN connection dropped and is back: events may have been missed meanwhile, so the
   * subscriber should re-read what it shows (the browser refreshes once).
   */
  onResync: () => void;
};

export type LiveListener = {
  /**
   * Registers the subscriber and resolves once the channel is LISTENed on (or the connection is
   * known to be down — it then gets onResync when it is back). Call the returned function to
   * leave; the last subscriber to leave UNLISTENs the channel.
   */
  subscribe: (channel: string, subscriber: LiveSubscriber) => Promise<() => void>;
  /** Subscribers of one channel, or of all channels: for tests and leak checks. */
  subscriberCount: (channel?: string) => number;
  /** Closes the connection for good (tests; the process-wide listener lives as long as the process). */
  close: () => Promise<void>;
};

export type LiveListenerOptions = {
  connectionString: string;
  /** First reconnection delay; doubles on each failure up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  log?: (message: string, error?: unknown) => void;
};

/**
 * One dedicated PostgreSQL connection that LISTENs on the channels in-process subscribers ask
 * for and fans each NOTIFY out to them. Channels are LISTENed lazily (first subscriber) and
 * UNLISTENed when the last one leaves. When the connection drops it reconnects with exponential
 * backoff, LISTENs again on every channel still wanted and tells those subscribers to resync.
 * It stays out of Prisma's pool: a LISTEN connection is held for the life of the process.
 */
export function createLiveListener(options: LiveListenerOptions): LiveListener {
  const initialBackoffMs = options.initialBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[entraide] live: ${message}`, error ?? ""));

  const subscribers = new Map<string, Set<LiveSubscriber>>();
  // The LISTEN in flight (or done) for each wanted channel: later subscribers wait for it too.
  const listening = new Map<string, Promise<void>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client | null> | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let backoffMs = initialBackoffMs;
  let closed = false;
  // After a drop (or a failed first connection) the next successful connection resyncs everyone.
  let missedEvents = false;

  function dispatch(channel: string, payload: string) {
    const set = subscribers.get(channel);
    if (!set) return;
    for (const subscriber of [...set]) {
      try {
        subscriber.onMessage(payload);
      } catch (error) {
        log(`a subscriber of ${channel} failed`, error);
      }
    }
  }

  function resyncAll() {
    for (const set of subscribers.values()) {
      for (const subscriber of [...set]) {
        try {
          subscriber.onResync();
        } catch (error) {
          log("a subscriber failed to resync", error);
        }
      }
    }
  }

  function scheduleReconnect() {
    if (closed || reconnectTimer || subscribers.size === 0) return;
    const delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void connect();
    }, delay);
    // Never keep a process alive just to reconnect.
    reconnectTimer.unref?.();
  }

  function dropped(which: pg.Client, error?: unknown) {
    if (client !== which) return;
    client = null;
    missedEvents ||= subscribers.size > 0;
    if (!closed) log("the LISTEN connection dropped; reconnecting", error);
    which.removeAllListeners("notification");
    which.end().catch(() => {});
    scheduleReconnect();
  }

  /** The connected client, connecting (once, shared) when needed; null when it failed. */
  function connect(): Promise<pg.Client | null> {
    if (client) return Promise.resolve(client);
    if (connecting) return connecting;
    connecting = (async () => {
      const next = new pg.Client({ connectionString: options.connectionString, keepAlive: true, application_name: options.applicationName ?? "entraide-live" });
      // Without an error listener a dropped socket would crash the process.
      next.on("error", (error) => dropped(next, error));
      next.on("end", () => dropped(next));
      next.on("notification", (message) => dispatch(message.channel, message.payload ?? ""));
      try {
        await next.connect();
        for (const channel of subscribers.keys()) await next.query(`LISTEN "${assertLiveChannelName(channel)}"`);
      } catch (error) {
        log("could not open the LISTEN connection", error);
        next.removeAllListeners("notification");
        next.end().catch(() => {});
        missedEvents = true;
        return null;
      }
      if (closed) {
        await next.end().catch(() => {});
        return null;
      }
      client = next;
      backoffMs = initialBackoffMs;
      if (missedEvents) {
        missedEvents = false;
        resyncAll();
      }
      return next;
    })().finally(() => {
      connecting = null;
      if (!client) scheduleReconnect();
    });
    return connecting;
  }

  async function listen(channel: string) {
    const connected = await connect();
    // A fresh connection LISTENs on every wanted channel itself; only an existing one needs it here.
    if (!connected) return;
    try {
      await connected.query(`LISTEN "${channel}"`);
    } catch (error) {
      // The connection is failing: its error/end handler reconnects and resyncs.
      log(`LISTEN ${channel} failed`, error);
    }
  }

  return {
    async subscribe(channel, subscriber) {
      assertLiveChannelName(channel);
      if (closed) throw new Error("The live listener is closed");
      let set = subscribers.get(channel);
      const first = !set;
      if (!set) {
        set = new Set();
        subscribers.set(channel, set);
      }
      set.add(subscriber);
      // The first subscriber issues the LISTEN; later ones wait for the same one.
      if (first) listening.set(channel, listen(channel));
      await listening.get(channel);

      let active = true;
      return () => {
        if (!active) return;
        active = false;
        const current = subscribers.get(channel);
        if (!current) return;
        current.delete(subscriber);
        if (current.size > 0) return;
        subscribers.delete(channel);
        listening.delete(channel);
        // Queued on the same connection after any LISTEN, so a quick re-subscribe stays consistent.
        client?.query(`UNLISTEN "${channel}"`).catch(() => {});
      };
    },
    subscriberCount(channel) {
      if (channel !== undefined) return subscribers.get(channel)?.size ?? 0;
      let total = 0;
      for (const set of subscribers.values()) total += set.size;
      return total;
    },
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      subscribers.clear();
      listening.clear();
      await connecting?.catch(() => null);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
