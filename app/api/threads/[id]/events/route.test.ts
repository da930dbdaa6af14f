import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createThread } from "@/server/discussions/create-thread";
import { replyToPost } from "@/server/discussions/reply-to-post";
import { THREAD_ACTIVITY_CHANNEL } from "@/server/discussions/publish-thread-activity";
import { liveListener } from "@/server/live/subscribe-live-channel";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { GET, HEAD } from "./route";

const get = (id: string, signal?: AbortSignal) => GET(new Request(`http://localhost/api/threads/${id}/events`, { signal }), { params: Promise.resolve({ id }) });

async function openThread(title: string) {
  const [product, asker] = await Promise.all([createWritableProduct(), createWriter()]);
  return createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title, body: "It blinks.", language: "en" });
}

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string, seen: { value: string }) {
  const decoder = new TextDecoder();
  const deadline = Date.now() + 5_000;
  while (!seen.value.includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" never arrived; got ${JSON.stringify(seen.value)}`);
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before "${text}"`);
    seen.value += decoder.decode(value, { stream: true });
  }
}

describe("GET /api/threads/[id]/events", () => {
  it("streams this thread's new replies (ids only) and not other threads', and lets go of its subscription on disconnect", async () => {
    const [thread, other, replier] = await Promise.all([openThread("How do I reset the thermostat?"), openThread("Why is the fan loud?"), createWriter()]);
    const before = liveListener().subscriberCount(THREAD_ACTIVITY_CHANNEL);
    const abort = new AbortController();
    const response = await get(thread.threadId, abort.signal);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(liveListener().subscriberCount(THREAD_ACTIVITY_CHANNEL)).toBe(before + 1);

    const reader = response.body!.getReader();
    const seen = { value: "" };
    await replyToPost({ actorId: replier.id, threadId: other.threadId, body: "Elsewhere." });
    const reply = await replyToPost({ actorId: replier.id, threadId: thread.threadId, body: "Hold the button 5 seconds." });
    await readUntil(reader, `event: thread\ndata: {"postId":"${reply.postId}","kind":"reply"}\n\n`, seen);
    expect(seen.value).not.toContain("Hold the button");
    expect(seen.value.match(/event: thread/g)).toHaveLength(1);

    abort.abort();
    expect(liveListener().subscriberCount(THREAD_ACTIVITY_CHANNEL)).toBe(before);
  });

  it("starts with a resync when the thread changed after the page was rendered (?since), and not otherwise", async () => {
    const thread = await openThread("Does the dock charge the laptop?");
    const { lastActivityAt } = await db().thread.findUniqueOrThrow({ where: { id: thread.threadId }, select: { lastActivityAt: true } });
    for (const [since, expected] of [[lastActivityAt.getTime() - 1, true], [lastActivityAt.getTime(), false]] as const) {
      const abort = new AbortController();
      const response = await GET(new Request(`http://localhost/api/threads/${thread.threadId}/events?since=${since}`, { signal: abort.signal }), {
        params: Promise.resolve({ id: thread.threadId }),
      });
      // Whatever the stream starts with; aborting closes it, so reading ends.
      setTimeout(() => abort.abort(), 200);
      const start = await new Response(response.body).text();
      expect(start.includes("event: resync"), String(since)).toBe(expected);
    }
  });

  it("answers 404 problem+json for an unknown or malformed thread id, without subscribing", async () => {
    const before = liveListener().subscriberCount();
    for (const id of ["cl0000000000000000000000", "../etc"]) {
      const response = await get(id);
      expect(response.status, id).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(liveListener().subscriberCount()).toBe(before);
  });

  it("answers HEAD with the stream's headers and no subscription", async () => {
    const thread = await openThread("Is the charger included?");
    const before = liveListener().subscriberCount();
    const response = await HEAD(new Request(`http://localhost/api/threads/${thread.threadId}/events`, { method: "HEAD" }), {
      params: Promise.resolve({ id: thread.threadId }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(liveListener().subscriberCount()).toBe(before);
  });
});
