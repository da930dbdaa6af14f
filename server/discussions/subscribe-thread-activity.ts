import "server-only";
import { THREAD_ACTIVITY_KINDS, type ThreadActivityEvent, type ThreadActivityKind } from "@/lib/discussions/thread-activity";
import { subscribeLiveChannel } from "@/server/live/subscribe-live-channel";
import { THREAD_ACTIVITY_CHANNEL } from "./publish-thread-activity";

export type ThreadActivitySubscriber = {
  onActivity: (event: ThreadActivityEvent) => void;
  /** Events may have been missed (the LISTEN connection was re-established). */
  onResync: () => void;
};

/** Activity in one thread, picked out of the shared channel; resolves with the unsubscribe function. */
export function subscribeThreadActivity(threadId: string, subscriber: ThreadActivitySubscriber): Promise<() => void> {
  return subscribeLiveChannel(THREAD_ACTIVITY_CHANNEL, {
    onMessage(payload) {
      let value: { threadId?: unknown; postId?: unknown; kind?: unknown };
      try {
        value = JSON.parse(payload) as typeof value;
      } catch {
        return;
      }
      if (value.threadId !== threadId || typeof value.postId !== "string") return;
      if (!(THREAD_ACTIVITY_KINDS as readonly unknown[]).includes(value.kind)) return;
      subscriber.onActivity({ postId: value.postId, kind: value.kind as ThreadActivityKind });
    },
    onResync: subscriber.onResync,
  });
}
