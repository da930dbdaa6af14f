import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/server/env";
import { subscribeLiveChannel } from "@/server/live/subscribe-live-channel";
import { THREAD_ACTIVITY_CHANNEL } from "@/server/discussions/publish-thread-activity";
import { createPageCache, type PageCache } from "./create-page-cache";
import { isKeepableRender } from "./is-keepable-render";
import { parsePageChange } from "./parse-page-change";
import { PUBLIC_PAGES_CHANNEL } from "./publish-public-page-change";

export const CACHE_STATUS_HEADER = "x-entraide-cache";
/** Marks the proxy's own loopback request for a miss: render it, do not look in the cache. */
export const CACHE_RENDER_HEADER = "x-entraide-cache-render";

/** Not replayed from a cached or loopback response: per-connection, per-response, or re-made. */
const NOT_REPLAYED = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "set-cookie",
  "content-security-policy",
  CACHE_STATUS_HEADER,
]);

/** A render in progress: later requests for the same key wait for it instead of rendering too. */
type Flight = { done: Promise<void>; threadId: string | null; stale: boolean };

type State = {
  cache: PageCache;
  /** Per process: only this process's proxy can ask itself to render past the cache. */
  secret: string;
  origin: string;
  flights: Map<string, Flight>;
  listening: Promise<void>;
};

// On globalThis: the proxy and the app are separate bundles in one process, and `next dev`
// re-evaluates modules; one cache and one pair of LISTEN subscriptions per process.
const holder = globalThis as unknown as { entraidePageCache?: State | null };

function invalidate(state: State, payload: string) {
  const change = parsePageChange(payload);
  if ("all" in change) {
    state.cache.clear();
    for (const flight of state.flights.values()) flight.stale = true;
    return;
  }
  state.cache.invalidateThread(change.threadId);
  for (const flight of state.flights.values()) {
    if (flight.threadId === null || flight.threadId === change.threadId) flight.stale = true;
  }
}

/** The process's cache, created on first use; null when turned off (development, or TTL 0). */
function pageCacheState(): State | null {
  if (holder.entraidePageCache !== undefined) return holder.entraidePageCache;
  const { NODE_ENV, PAGE_CACHE_TTL_SECONDS, PAGE_CACHE_MAX_MEGABYTES, PORT } = env();
  // In development a cached page would hide the edit a developer just saved.
  if (NODE_ENV === "development" || PAGE_CACHE_TTL_SECONDS === 0 || PORT === undefined) {
    holder.entraidePageCache = null;
    return null;
  }
  const state: State = {
    cache: createPageCache({ maxBytes: PAGE_CACHE_MAX_MEGABYTES * 1024 * 1024, ttlMs: PAGE_CACHE_TTL_SECONDS * 1000 }),
    secret: randomBytes(24).toString("base64url"),
    origin: `http://127.0.0.1:${PORT}`,
    flights: new Map(),
    listening: Promise.resolve(),
  };
  const subscriber = {
    onMessage: (payload: string) => invalidate(state, payload),
    // The LISTEN connection dropped: changes may have been missed, so nothing cached is trusted.
    onResync: () => invalidate(state, "all"),
  };
  state.listening = Promise.all([
    subscribeLiveChannel(THREAD_ACTIVITY_CHANNEL, subscriber),
    subscribeLiveChannel(PUBLIC_PAGES_CHANNEL, subscriber),
  ]).then(
    () => undefined,
    (error: unknown) => {
      // Without invalidation the cache would serve stale pages: turn it off for this process.
      console.error("[entraide] page cache: could not LISTEN for changes; cache off", error);
      holder.entraidePageCache = null;
    },
  );
  holder.entraidePageCache = state;
  return state;
}

/** Whether this request is the proxy's own loopback render (the secret must match). */
export function isCacheRender(headers: Headers): boolean {
  const value = headers.get(CACHE_RENDER_HEADER);
  if (value === null) return false;
  const state = holder.entraidePageCache;
  return !!state && value === state.secret;
}

function replayableHeaders(source: Headers): [string, string][] {
  const kept: [string, string][] = [];
  source.forEach((value, name) => {
    if (!NOT_REPLAYED.has(name)) kept.push([name, value]);
  });
  return kept;
}

function nonceOf(csp: string | null): string | null {
  return csp ? (/'nonce-([^']+)'/.exec(csp)?.[1] ?? null) : null;
}

export type CachedPageResponse = {
  response: Response;
  /** The nonce the body carries: the caller sends the CSP (and security headers) for it. */
  nonce: string;
};

/**
 * Answers a cacheable anonymous page request: from the cache (its nonce replaced by `nonce`), by
 * waiting for the same page's render already in flight, or by rendering it once through this
 * process (a loopback request the proxy lets through) and keeping a 200 without Set-Cookie.
 * Null means "let Next render it as usual" (cache off, HEAD miss, or a render that was not kept).
 */
export async function serveCachedPage(request: Request, key: string, threadId: string | null, nonce: string): Promise<CachedPageResponse | null> {
  const state = pageCacheState();
  if (!state) return null;
  await state.listening;
  if (holder.entraidePageCache !== state) return null;

  const hit = state.cache.get(key, nonce);
  if (hit) return { response: fromCache(hit, request.method, "hit"), nonce };
  if (request.method !== "GET") return null;

  const inFlight = state.flights.get(key);
  if (inFlight) {
    await inFlight.done;
    const shared = state.cache.get(key, nonce);
    return shared ? { response: fromCache(shared, request.method, "hit"), nonce } : null;
  }

  let finish = () => {};
  const flight: Flight = { done: new Promise<void>((resolve) => (finish = resolve)), threadId, stale: false };
  state.flights.set(key, flight);
  const settle = () => {
    if (state.flights.get(key) === flight) state.flights.delete(key);
    finish();
  };

  let rendered: Response;
  try {
    const url = new URL(request.url);
    const headers = new Headers({ accept: "text/html", "accept-encoding": "identity", [CACHE_RENDER_HEADER]: state.secret });
    for (const name of ["accept-language", "cookie", "user-agent", "x-request-id", "x-forwarded-for"]) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    rendered = await fetch(`${state.origin}${url.pathname}${url.search}`, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    console.error("[entraide] page cache: loopback render failed", error);
    settle();
    return null;
  }

  const renderNonce = nonceOf(rendered.headers.get("content-security-policy"));
  const headers = new Headers(replayableHeaders(rendered.headers));
  headers.set(CACHE_STATUS_HEADER, "miss");
  if (rendered.headers.has("set-cookie")) for (const cookie of rendered.headers.getSetCookie()) headers.append("set-cookie", cookie);

  if (!isKeepableRender(rendered, renderNonce) || !rendered.body) {
    settle();
    return { response: new Response(rendered.body, { status: rendered.status, headers }), nonce: renderNonce ?? nonce };
  }

  // One copy streams to this reader as it renders, the other is collected for the cache.
  const [toReader, toCache] = rendered.body.tee();
  void new Response(toCache)
    .text()
    .then((html) => {
      if (!flight.stale) state.cache.set(key, { status: 200, headers: replayableHeaders(rendered.headers), html, nonce: renderNonce, threadId });
    })
    .catch(() => {})
    .finally(settle);
  return { response: new Response(toReader, { status: 200, headers }), nonce: renderNonce };
}

function fromCache(page: { status: number; headers: [string, string][]; body: string }, method: string, status: "hit"): Response {
  const headers = new Headers(page.headers);
  headers.set(CACHE_STATUS_HEADER, status);
  return new Response(method === "HEAD" ? null : page.body, { status: page.status, headers });
}
