import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createThread } from "@/server/discussions/create-thread";
import { replyToPost } from "@/server/discussions/reply-to-post";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { createJobQueue } from "./create-job-queue";
import { fanOutJob } from "./fan-out-job";
import type { JobHandler } from "./job-handler";
import { QUEUE } from "./queue-names";
import { startWorker } from "./start-worker";
import { sweepUnfannedEvents } from "./sweep-job";

// Two workers on one database, as two processes would be: two PgBoss instances.
let workers: PgBoss[] = [];
const handledBy = [0, 0];

beforeAll(async () => {
  const connectionString = process.env.DATABASE_URL!;
  workers = [await createJobQueue({ connectionString, role: "worker" }), await createJobQueue({ connectionString, role: "worker" })];
  await Promise.all(
    workers.map((boss, index) => {
      const counted: JobHandler = {
        ...fanOutJob,
        pollingIntervalSeconds: 0.5,
        batchSize: 3,
        handle: async (jobs, context) => {
          handledBy[index]! += jobs.length;
          await fanOutJob.handle(jobs, context);
        },
      };
      return startWorker(boss, [counted]);
    }),
  );
});

afterAll(async () => {
  await Promise.all(workers.map((boss) => boss.stop({ graceful: true, wait: true, timeout: 5_000 })));
});

async function threadWithWatchers(watchers: number) {
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, `Product ${uniqueToken()}`);
  const asker = await createWriter();
  const people = await Promise.all(Array.from({ length: watchers }, () => createWriter()));
  await db().alertSubscription.createMany({
    data: people.map((person) => ({ userId: person.id, productId: product.id, level: "EVERYTHING" as const, email: true, source: "PRODUCT_PAGE" as const })),
  });
  const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "DISCUSSION", title: "Busy", body: "Talk", language: "en" });
  return { thread, asker, people };
}

async function waitUntilFannedOut(eventIds: bigint[], timeoutMs = 25_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await db().notificationEvent.count({ where: { id: { in: eventIds }, fannedOutAt: null } });
    if (left === 0) return;
    if (Date.now() > deadline) throw new Error(`${left} event(s) still not fanned out`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the fan-out worker", () => {
  it("two workers fan out 50 events, each exactly once, even with every job sent twice", async () => {
    const { thread, people } = await threadWithWatchers(3);
    // One replier per reply: posting rate limits stay out of the way.
    const repliers = await Promise.all(Array.from({ length: 50 }, () => createWriter()));
    const replies = [];
    for (const [index, replier] of repliers.entries()) {
      replies.push(await replyToPost({ actorId: replier.id, threadId: thread.threadId, body: `Reply ${index}` }));
    }
    const events = await db().notificationEvent.findMany({ where: { postId: { in: replies.map((reply) => reply.postId) } }, select: { id: true } });
    expect(events).toHaveLength(50);
    const ids = events.map((event) => event.id);
    const jobs = ids.map((id) => ({ name: QUEUE.fanOut, data: { eventId: id.toString() } }));
    await workers[0]!.insert([...jobs, ...jobs]);

    await waitUntilFannedOut(ids);
    // Let the duplicate jobs run too: they must find their event done and write nothing.
    const deadline = Date.now() + 25_000;
    while (handledBy[0]! + handledBy[1]! < 100 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    console.info(`jobs handled: worker 1 ${handledBy[0]}, worker 2 ${handledBy[1]}`);
    // Each reply: the 3 watchers and the thread's author (reply to their post); never a duplicate.
    const perEvent = await db().notification.groupBy({ by: ["eventId"], where: { eventId: { in: ids } }, _count: { _all: true } });
    expect(perEvent).toHaveLength(50);
    expect(perEvent.every((row) => row._count._all === 4)).toBe(true);
    expect(await db().emailDelivery.count({ where: { eventId: { in: ids } } })).toBe(50 * people.length);
    expect(handledBy[0]! + handledBy[1]!).toBeGreaterThanOrEqual(100);
  });

  it("the sweeper re-sends jobs for events left without fannedOutAt", async () => {
    const { thread } = await threadWithWatchers(2);
    const replier = await createWriter();
    // No job queue in this process for replyToPost: its event waits for the sweeper.
    const reply = await replyToPost({ actorId: replier.id, threadId: thread.threadId, body: "Left behind" });
    const event = await db().notificationEvent.findFirstOrThrow({ where: { postId: reply.postId } });
    expect(event.fannedOutAt).toBeNull();
    expect(await sweepUnfannedEvents(workers[1]!, 3600)).toBe(0);
    expect(await sweepUnfannedEvents(workers[1]!, 0)).toBeGreaterThanOrEqual(1);
    await waitUntilFannedOut([event.id]);
    expect(await db().notification.count({ where: { eventId: event.id } })).toBe(3);
  });
});
