import "server-only";

/** One cached HTML page, split around the nonce it was rendered with. */
export type CachedPage = {
  status: number;
  /** Response headers worth replaying (never Set-Cookie, CSP or length/encoding). */
  headers: [string, string][];
  /** The render's nonce: also in headers such as Link (preloads carry nonce="…"). */
  nonce: string;
  /** The HTML cut at every occurrence of the render's nonce: joined with a fresh one on a hit. */
  parts: string[];
  /** Thread id for /t/<id>/… pages; null for list pages (home, products, categories). */
  threadId: string | null;
  bytes: number;
  expiresAt: number;
};

export type PageCacheStats = { entries: number; bytes: number; hits: number; misses: number };

export type PageCache = {
  /** The page with `nonce` put back wherever the render's nonce was; null when absent or expired. */
  get: (key: string, nonce: string) => { status: number; headers: [string, string][]; body: string } | null;
  /** Stores a rendered page. Returns false when it is too large to keep. */
  set: (key: string, page: { status: number; headers: [string, string][]; html: string; nonce: string; threadId: string | null }) => boolean;
  /** A thread changed: its own pages and every list page (they show its activity) go. */
  invalidateThread: (threadId: string) => void;
  /** Something that shows on many pages changed (a member's name, a product): everything goes. */
  clear: () => void;
  stats: () => PageCacheStats;
};

export type PageCacheOptions = {
  maxBytes: number;
  ttlMs: number;
  /** A page bigger than this is never stored (one page must not evict everything else). */
  maxEntryBytes?: number;
  now?: () => number;
};

/**
 * A bounded, short-lived store of rendered anonymous pages. LRU by bytes: a Map keeps insertion
 * order, and a hit re-inserts its key, so the first key is always the least recently used.
 * Expired entries are dropped when met and evicted first by age anyway.
 */
export function createPageCache(options: PageCacheOptions): PageCache {
  const now = options.now ?? Date.now;
  const maxEntryBytes = options.maxEntryBytes ?? Math.floor(options.maxBytes / 8);
  const entries = new Map<string, CachedPage>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  function remove(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  return {
    get(key, nonce) {
      const entry = entries.get(key);
      if (!entry || entry.expiresAt <= now()) {
        if (entry) remove(key);
        misses += 1;
        return null;
      }
      entries.delete(key);
      entries.set(key, entry);
      hits += 1;
      const headers = entry.headers.map(([name, value]): [string, string] => [name, value.split(entry.nonce).join(nonce)]);
      return { status: entry.status, headers, body: entry.parts.join(nonce) };
    },
    set(key, page) {
      // A nonce too short to be unique could match ordinary text; never split on it.
      if (page.nonce.length < 16) return false;
      // UTF-16 code units ×2 is what V8 may hold; cheap and never an underestimate by much.
      const size = page.html.length * 2 + key.length * 2 + 256;
      if (size > maxEntryBytes) return false;
      remove(key);
      while (bytes + size > options.maxBytes && entries.size > 0) {
        const oldest = entries.keys().next().value as string;
        remove(oldest);
      }
      entries.set(key, {
        status: page.status,
        headers: page.headers,
        nonce: page.nonce,
        parts: page.html.split(page.nonce),
        threadId: page.threadId,
        bytes: size,
        expiresAt: now() + options.ttlMs,
      });
      bytes += size;
      return true;
    },
    invalidateThread(threadId) {
      for (const [key, entry] of entries) {
        if (entry.threadId === null || entry.threadId === threadId) remove(key);
      }
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
    stats() {
      return { entries: entries.size, bytes, hits, misses };
    },
  };
}
