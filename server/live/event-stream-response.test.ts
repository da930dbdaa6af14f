import { describe, expect, it, vi } from "vitest";
import { eventStreamResponse, type EventStreamSend } from "./event-stream-response";

/** Reads chunks from the body until `text` has appeared (or fails after 5 s). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string, seen = { value: "" }) {
  const decoder = new TextDecoder();
  const deadline = Date.now() + 5_000;
  while (!seen.value.includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" never arrived; got ${JSON.stringify(seen.value)}`);
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before "${text}"; got ${JSON.stringify(seen.value)}`);
    seen.value += decoder.decode(value, { stream: true });
  }
  return seen.value;
}

/** A fake feed that counts live subscriptions. */
function feed() {
  let active = 0;
  let send: EventStreamSend | null = null;
  return {
    active: () => active,
    send: (event: string, data: unknown) => send?.(event, data),
    start: async (s: EventStreamSend) => {
      active++;
      send = s;
      return () => {
        active--;
        send = null;
      };
    },
  };
}

describe("eventStreamResponse", () => {
  it("streams text/event-stream with the anti-buffering headers, a retry hint, events and heartbeats", async () => {
    const source = feed();
    const abort = new AbortController();
    const response = await eventStreamResponse({ signal: abort.signal, start: source.start, heartbeatMs: 30, retryMs: 4_000 });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("connection")).toBe("keep-alive");

    const reader = response.body!.getReader();
    const seen = { value: "" };
    await readUntil(reader, "retry: 4000\n", seen);
    source.send("thread", { postId: "p1", kind: "reply" });
    await readUntil(reader, 'event: thread\ndata: {"postId":"p1","kind":"reply"}\n\n', seen);
    await readUntil(reader, ": heartbeat\n\n", seen);
    abort.abort();
    expect(source.active()).toBe(0);
  });

  it("unsubscribes and stops its heartbeat when the client disconnects (request aborted): no leaked listener or timer", async () => {
    vi.useFakeTimers();
    try {
      const source = feed();
      const abort = new AbortController();
      const response = await eventStreamResponse({ signal: abort.signal, start: source.start, heartbeatMs: 1_000 });
      expect(source.active()).toBe(1);
      expect(vi.getTimerCount()).toBe(1);

      abort.abort();
      expect(source.active()).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
      // The body is closed: a reader sees its end after what was already written.
      const reader = response.body!.getReader();
      let done = false;
      while (!done) done = (await reader.read()).done;
      // Events sent after the disconnect are dropped, not thrown.
      expect(() => source.send("thread", {})).not.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });

  it("also cleans up when the body is cancelled (the consumer stops reading)", async () => {
    const source = feed();
    const abort = new AbortController();
    const response = await eventStreamResponse({ signal: abort.signal, start: source.start });
    await response.body!.cancel();
    expect(source.active()).toBe(0);
    abort.abort(); // a later abort is harmless
    expect(source.active()).toBe(0);
  });

  it("does not subscribe for a request that is already gone, and unsubscribes at once if it went away while subscribing", async () => {
    const source = feed();
    const gone = new AbortController();
    gone.abort();
    expect((await eventStreamResponse({ signal: gone.signal, start: source.start })).status).toBe(204);
    expect(source.active()).toBe(0);

    const leaving = new AbortController();
    const response = await eventStreamResponse({
      signal: leaving.signal,
      start: async (send) => {
        const stop = await source.start(send);
        leaving.abort();
        return stop;
      },
    });
    expect(response.status).toBe(204);
    expect(source.active()).toBe(0);
  });
});
