import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createThread } from "@/server/discussions/create-thread";
import { replyToPost } from "@/server/discussions/reply-to-post";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { setAlertSubscription } from "./set-alert-subscription";

afterAll(async () => {
  await db().$disconnect();
});

/** Issue 5: participating in a thread never raises its level, and nothing overrides Muted. */
describe("participation never raises alert levels", () => {
  it("replying in a muted thread leaves it muted, and writes no ledger row", async () => {
    const [product, asker, replier] = await Promise.all([createWritableProduct(), createWriter(), createWriter()]);
    const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "QUESTION", title: "Why does the fan keep spinning?", body: "Even when idle.", language: "en" });
    await setAlertSubscription({
      actor: { via: "session", userId: replier.id },
      target: { type: "thread", id: thread.threadId },
      change: { level: "MUTED" },
      source: "THREAD_PAGE",
      locale: "en",
      requestId: randomUUID(),
    });
    const subscription = () => db().alertSubscription.findMany({ where: { userId: replier.id }, select: { threadId: true, level: true, inApp: true, email: true, chosenAt: true } });
    const before = await subscription();
    const ledgerBefore = await db().consentEvent.count({ where: { subjectId: replier.id } });

    const reply = await replyToPost({ actorId: replier.id, threadId: thread.threadId, body: "Mine does that too." });
    const answer = await replyToPost({ actorId: asker.id, threadId: thread.threadId, parentPostId: reply.postId, body: "Did you update it?" });
    await replyToPost({ actorId: replier.id, threadId: thread.threadId, parentPostId: answer.postId, body: "Yes, yesterday." });

    expect(await subscription()).toEqual(before);
    expect(before).toEqual([expect.objectContaining({ threadId: thread.threadId, level: "MUTED", inApp: true, email: false })]);
    expect(await db().consentEvent.count({ where: { subjectId: replier.id } })).toBe(ledgerBefore);
  });

  it("asking and replying subscribe nobody to anything", async () => {
    const [product, asker, replier] = await Promise.all([createWritableProduct(), createWriter(), createWriter()]);
    const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind: "DISCUSSION", title: "Best settings for quiet mode", body: "Share yours.", language: "en" });
    await replyToPost({ actorId: replier.id, threadId: thread.threadId, body: "Level 2 at night." });
    await replyToPost({ actorId: asker.id, threadId: thread.threadId, body: "Thanks!" });
    expect(await db().alertSubscription.count({ where: { userId: { in: [asker.id, replier.id] } } })).toBe(0);
    expect(await db().personalEventPreference.count({ where: { userId: { in: [asker.id, replier.id] } } })).toBe(0);
    expect(await db().consentEvent.count({ where: { subjectId: { in: [asker.id, replier.id] } } })).toBe(0);
  });
});
