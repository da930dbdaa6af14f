/**
 * Live thread updates, shared by the server (what is published and streamed) and the browser
 * (what it listens to). Events carry ids only: the page re-reads the content itself.
 */

export const THREAD_ACTIVITY_KINDS = ["reply", "edited", "deleted", "accepted"] as const;
export type ThreadActivityKind = (typeof THREAD_ACTIVITY_KINDS)[number];

/** The server-sent event name for a change in the thread, and for "you may have missed some". */
export const THREAD_EVENT = "thread";
export const RESYNC_EVENT = "resync";

/** The data of a THREAD_EVENT. */
export type ThreadActivityEvent = { postId: string; kind: ThreadActivityKind };

/**
 * `since`: the thread's lastActivityAt (ms) as the page showed it. A reply committed between the
 * page's render and the stream's start would otherwise be missed: the stream then starts with a
 * `resync`.
 */
export const threadEventsPath = (threadId: string, since?: number) =>
  `/api/threads/${threadId}/events${since === undefined ? "" : `?since=${since}`}`;

/** Parses an event's data; null for anything unexpected (the stream is ours, but stay strict). */
export function parseThreadActivityEvent(data: string): ThreadActivityEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== "object" || value === null) return null;
    const { postId, kind } = value as Record<string, unknown>;
    if (typeof postId !== "string" || !(THREAD_ACTIVITY_KINDS as readonly unknown[]).includes(kind)) return null;
    return { postId, kind: kind as ThreadActivityKind };
  } catch {
    return null;
  }
}
