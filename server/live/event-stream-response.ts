import "server-only";

/** Sends one server-sent event to the connected browser. `data` is sent as JSON. */
export type EventStreamSend = (event: string, data: unknown) => void;

export type EventStreamOptions = {
  /** The request's signal: aborted when the browser goes away. */
  signal: AbortSignal;
  /**
   * Starts whatever feeds the stream (a live subscription); returns the function that stops it.
   * Called once before the response is returned, so a failure can still become an error response.
   */
  start: (send: EventStreamSend) => Promise<() => void>;
  /** A comment line this often keeps proxies and load balancers from closing an idle stream. */
  heartbeatMs?: number;
  /** The browser's EventSource waits this long before reconnecting after a drop. */
  retryMs?: number;
};

const HEARTBEAT_MS = 25_000;
const RETRY_MS = 5_000;

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: `next start` (and proxies) would otherwise gzip the stream and hold it in a buffer.
  "Cache-Control": "no-cache, no-transform",
  // nginx and similar proxies: pass each event through as it is written.
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

/**
 * A `text/event-stream` Response fed by `start`. It stops the feed and its heartbeat timer when
 * the browser disconnects (request signal aborted, or the body cancelled), exactly once.
 */
export async function eventStreamResponse({ signal, start, heartbeatMs = HEARTBEAT_MS, retryMs = RETRY_MS }: EventStreamOptions): Promise<Response> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let stop: (() => void) | null = null;
  let finished = false;
  // Events that arrive before the stream is pulled are kept in order.
  const early: string[] = [];

  const write = (chunk: string) => {
    if (finished) return;
    if (!controller) {
      early.push(chunk);
      return;
    }
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      finish();
    }
  };

  function finish() {
    if (finished) return;
    finished = true;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    signal.removeEventListener("abort", finish);
    const unsubscribe = stop;
    stop = null;
    unsubscribe?.();
    try {
      controller?.close();
    } catch {
      // Already closed or errored by the consumer.
    }
  }

  const send: EventStreamSend = (event, data) => {
    // JSON.stringify never yields a raw newline, so one `data:` line is the whole event.
    write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  if (signal.aborted) return new Response(null, { status: 204 });
  stop = await start(send);
  if (signal.aborted) {
    finish();
    return new Response(null, { status: 204 });
  }
  signal.addEventListener("abort", finish, { once: true });

  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      // retry: the reconnection delay; the comment makes proxies send the headers right away.
      streamController.enqueue(encoder.encode(`retry: ${retryMs}\n: connected\n\n`));
      for (const chunk of early.splice(0)) streamController.enqueue(encoder.encode(chunk));
      heartbeat = setInterval(() => write(": heartbeat\n\n"), heartbeatMs);
    },
    cancel() {
      finish();
    },
  });

  return new Response(body, { status: 200, headers: EVENT_STREAM_HEADERS });
}
