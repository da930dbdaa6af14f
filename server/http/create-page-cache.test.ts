import { describe, expect, it } from "vitest";
import { createPageCache } from "./create-page-cache";

const NONCE = "AAAAAAAAAAAAAAAAAAAAAAAA";
const FRESH = "BBBBBBBBBBBBBBBBBBBBBBBB";

function page(html: string, threadId: string | null = null, nonce = NONCE) {
  return { status: 200, headers: [["content-type", "text/html; charset=utf-8"], ["link", `</a.css>; rel=preload; nonce="${nonce}"`]] as [string, string][], html, nonce, threadId };
}

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("createPageCache", () => {
  it("replaces the render's nonce everywhere with the fresh one, in the body and in headers", () => {
    const cache = createPageCache({ maxBytes: 1_000_000, ttlMs: 30_000 });
    cache.set("en /", page(`<script nonce="${NONCE}">a</script><link nonce="${NONCE}">["$","script",{"nonce":"${NONCE}"}]`));
    const hit = cache.get("en /", FRESH);
    expect(hit?.body).toBe(`<script nonce="${FRESH}">a</script><link nonce="${FRESH}">["$","script",{"nonce":"${FRESH}"}]`);
    expect(hit?.body).not.toContain(NONCE);
    expect(hit?.headers).toContainEqual(["link", `</a.css>; rel=preload; nonce="${FRESH}"`]);
    // Each hit gets its own nonce, never the previous hit's.
    const other = "CCCCCCCCCCCCCCCCCCCCCCCC";
    expect(cache.get("en /", other)?.body).toBe(`<script nonce="${other}">a</script><link nonce="${other}">["$","script",{"nonce":"${other}"}]`);
  });

  it("forgets a page once its time to live has passed", () => {
    const time = clock();
    const cache = createPageCache({ maxBytes: 1_000_000, ttlMs: 30_000, now: time.now });
    cache.set("en /", page("<p>home</p>"));
    time.advance(29_999);
    expect(cache.get("en /", FRESH)?.body).toBe("<p>home</p>");
    time.advance(1);
    expect(cache.get("en /", FRESH)).toBeNull();
    expect(cache.stats().entries).toBe(0);
    expect(cache.stats().bytes).toBe(0);
  });

  it("evicts the least recently used pages to stay under its byte budget", () => {
    const html = "x".repeat(1_000);
    // Each entry weighs about 2 KB: room for three.
    const cache = createPageCache({ maxBytes: 7_000, ttlMs: 30_000, maxEntryBytes: 7_000 });
    cache.set("a", page(html));
    cache.set("b", page(html));
    cache.set("c", page(html));
    expect(cache.get("a", FRESH)).not.toBeNull(); // a is now the most recently used
    cache.set("d", page(html));
    expect(cache.get("b", FRESH)).toBeNull();
    expect(cache.get("a", FRESH)).not.toBeNull();
    expect(cache.get("c", FRESH)).not.toBeNull();
    expect(cache.get("d", FRESH)).not.toBeNull();
    expect(cache.stats().bytes).toBeLessThanOrEqual(7_000);
  });

  it("refuses a page larger than one entry may be, and a nonce too short to be unique", () => {
    const cache = createPageCache({ maxBytes: 100_000, ttlMs: 30_000, maxEntryBytes: 1_000 });
    expect(cache.set("big", page("x".repeat(1_000)))).toBe(false);
    expect(cache.set("short", page("<p>a</p>", null, "abc"))).toBe(false);
    expect(cache.stats().entries).toBe(0);
  });

  it("drops a changed thread's pages and every list page, keeping other threads", () => {
    const cache = createPageCache({ maxBytes: 1_000_000, ttlMs: 30_000 });
    cache.set("en /", page("home"));
    cache.set("en /p/kestrel-n4", page("product"));
    cache.set("en /t/t1/a", page("thread 1", "t1"));
    cache.set("fr /t/t1/a", page("fil 1", "t1"));
    cache.set("en /t/t2/b", page("thread 2", "t2"));
    cache.invalidateThread("t1");
    expect(cache.get("en /", FRESH)).toBeNull();
    expect(cache.get("en /p/kestrel-n4", FRESH)).toBeNull();
    expect(cache.get("en /t/t1/a", FRESH)).toBeNull();
    expect(cache.get("fr /t/t1/a", FRESH)).toBeNull();
    expect(cache.get("en /t/t2/b", FRESH)?.body).toBe("thread 2");
    cache.clear();
    expect(cache.get("en /t/t2/b", FRESH)).toBeNull();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});
