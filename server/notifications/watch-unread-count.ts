import "server-only";
import { subscribeLiveChannel } from "@/server/live/subscribe-live-channel";
import { countUnreadNotificationsOf } from "./count-unread-notifications";
import { NOTIFICATIONS_LIVE_CHANNEL, parseNotificationsLiveMessage } from "./notifications-live-channel";

type Watcher = (unread: number) => void;

type Registry = {
  /** Open streams per person in this process. */
  watchers: Map<string, Set<Watcher>>;
  /** The channel subscription, held while anyone is watched. */
  subscription: Promise<() => void> | null;
};

// One registry per process (kept across `next dev` reloads, like the LISTEN connection).
const globalForUnread = globalThis as unknown as { entraideUnreadWatchers?: Registry };
const registry = (): Registry => (globalForUnread.entraideUnreadWatchers ??= { watchers: new Map(), subscription: null });

function tell(counts: Map<string, number>) {
  const { watchers } = registry();
  for (const [userId, unread] of counts) {
    for (const watcher of [...(watchers.get(userId) ?? [])]) {
      try {
        watcher(unread);
      } catch (error) {
        console.error("[entraide] notifications: a watcher failed", error);
      }
    }
  }
}

/** Re-counts for the people concerned (of those watched here): one query per event per instance. */
function recount(userIds: string[], eventId?: bigint) {
  if (userIds.length === 0) return;
  countUnreadNotificationsOf(userIds, eventId).then(tell, (error: unknown) => console.error("[entraide] notifications: could not count unread", error));
}

function subscribe(): Promise<() => void> {
  return subscribeLiveChannel(NOTIFICATIONS_LIVE_CHANNEL, {
    onMessage(payload) {
      const message = parseNotificationsLiveMessage(payload);
      if (!message) return;
      const { watchers } = registry();
      if ("readBy" in message) recount(watchers.has(message.readBy) ? [message.readBy] : []);
      else recount([...watchers.keys()], message.eventId);
    },
    // Events may have been missed: everyone watched here gets a fresh count.
    onResync: () => recount([...registry().watchers.keys()]),
  });
}

/**
 * Calls `onUnread` with the person's unread count whenever it may have changed: a notification
 * for them arrived (from any instance: the fan-out's NOTIFY) or they read some (in another tab).
 * All streams of a process share one channel subscription and one query per event. Resolves,
 * once listening, with the function that stops watching.
 */
export async function watchUnreadCount(userId: string, onUnread: Watcher): Promise<() => void> {
  const state = registry();
  let set = state.watchers.get(userId);
  if (!set) {
    set = new Set();
    state.watchers.set(userId, set);
  }
  set.add(onUnread);
  state.subscription ??= subscribe();

  let active = true;
  function stop() {
    if (!active) return;
    active = false;
    const current = state.watchers.get(userId);
    current?.delete(onUnread);
    if (current && current.size === 0) state.watchers.delete(userId);
    if (state.watchers.size === 0 && state.subscription) {
      const subscription = state.subscription;
      state.subscription = null;
      subscription.then((unsubscribe) => unsubscribe(), () => {});
    }
  }

  try {
    await state.subscription;
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
