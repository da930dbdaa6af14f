import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createThread } from "./create-thread";
import { findViewerReactions } from "./find-viewer-reactions";
import { setMeToo } from "./set-me-too";

async function question(kind: "QUESTION" | "TIP" | "DISCUSSION" = "QUESTION") {
  const [product, asker] = await Promise.all([createWritableProduct(), createWriter()]);
  const thread = await createThread({ actorId: asker.id, productSlug: product.slug, kind, title: "The lid squeaks after a month", body: "Any fix?", language: "en" });
  return { thread, askerId: asker.id };
}

async function meToosOf(threadId: string) {
  const [thread, rows] = await Promise.all([
    db().thread.findUniqueOrThrow({ where: { id: threadId }, select: { meTooCount: true } }),
    db().threadMeToo.count({ where: { threadId } }),
  ]);
  return { meTooCount: thread.meTooCount, rows };
}

const refusedBecause = (reason: string) => (error: unknown) => isAppError(error, "FORBIDDEN") && error.details.reason === reason;

describe("setMeToo", () => {
  it("sets it on, off and on again; repeating a state changes nothing; findViewerReactions sees it", async () => {
    const { thread } = await question();
    const member = await createWriter();
    expect(await setMeToo({ actorId: member.id, threadId: thread.threadId, meToo: true })).toEqual({
      threadId: thread.threadId,
      threadSlug: thread.slug,
      meToo: true,
      meTooCount: 1,
    });
    expect((await setMeToo({ actorId: member.id, threadId: thread.threadId, meToo: true })).meTooCount).toBe(1);
    expect(await meToosOf(thread.threadId)).toEqual({ meTooCount: 1, rows: 1 });
    expect((await findViewerReactions(member.id, thread.threadId, [])).meToo).toBe(true);

    expect(await setMeToo({ actorId: member.id, threadId: thread.threadId, meToo: false })).toMatchObject({ meToo: false, meTooCount: 0 });
    expect((await setMeToo({ actorId: member.id, threadId: thread.threadId, meToo: false })).meTooCount).toBe(0);
    expect(await meToosOf(thread.threadId)).toEqual({ meTooCount: 0, rows: 0 });
    expect((await findViewerReactions(member.id, thread.threadId, [])).meToo).toBe(false);

    await setMeToo({ actorId: member.id, threadId: thread.threadId, meToo: true });
    expect(await meToosOf(thread.threadId)).toEqual({ meTooCount: 1, rows: 1 });
  });

  it("refuses the asker, tips and discussions, deleted threads and unknown threads; allows locked questions", async () => {
    const { thread, askerId } = await question();
    const member = await createWriter();
    await expect(setMeToo({ actorId: askerId, threadId: thread.threadId, meToo: true })).rejects.toSatisfy(refusedBecause("OWN_QUESTION"));
    await expect(setMeToo({ actorId: member.id, threadId: "no-such-thread", meToo: true })).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND"));
    for (const kind of ["TIP", "DISCUSSION"] as const) {
      const other = await question(kind);
      await expect(setMeToo({ actorId: member.id, threadId: other.thread.threadId, meToo: true })).rejects.toSatisfy(refusedBecause("NOT_A_QUESTION"));
      expect(await meToosOf(other.thread.threadId)).toEqual({ meTooCount: 0, rows: 0 });
    }

    await db().thread.update({ where: { id: thread.threadId }, data: { lockedAt: new Date() } });
    expect((await setMeToo({ actorId: member.id, threadId: thread.threadId, meToo: true })).meTooCount).toBe(1);

    await db().thread.update({ where: { id: thread.threadId }, data: { deletedAt: new Date() } });
    await expect(setMeToo({ actorId: member.id, threadId: thread.threadId, meToo: false })).rejects.toSatisfy(refusedBecause("THREAD_DELETED"));
    expect(await meToosOf(thread.threadId)).toEqual({ meTooCount: 1, rows: 1 });
  });

  it("refuses signed-out visitors, non-members and deleted accounts before anything is written", async () => {
    const { thread } = await question();
    const [nonMember, deleted] = await Promise.all([createWriter({ member: false }), createWriter({ deleted: true })]);
    await expect(setMeToo({ actorId: null, threadId: thread.threadId, meToo: true })).rejects.toSatisfy((error) => isAppError(error, "SIGN_IN_REQUIRED"));
    await expect(setMeToo({ actorId: nonMember.id, threadId: thread.threadId, meToo: true })).rejects.toSatisfy((error) => isAppError(error, "MEMBERSHIP_REQUIRED"));
    await expect(setMeToo({ actorId: deleted.id, threadId: thread.threadId, meToo: true })).rejects.toSatisfy((error) => isAppError(error, "ACCOUNT_DELETED"));
    expect(await meToosOf(thread.threadId)).toEqual({ meTooCount: 0, rows: 0 });
  });

  it("keeps the counter equal to the rows under concurrent clicks (same and different members, on and off)", async () => {
    const { thread } = await question();
    const members = await Promise.all(Array.from({ length: 5 }, () => createWriter()));
    const requests = Array.from({ length: 40 }, (_, i) => ({ actorId: members[i % members.length]!.id, meToo: i % 3 !== 1 }));
    const results = await Promise.allSettled(requests.map(({ actorId, meToo }) => setMeToo({ actorId, threadId: thread.threadId, meToo })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const after = await meToosOf(thread.threadId);
    expect(after.meTooCount).toBe(after.rows);

    await Promise.all(members.map((member, i) => setMeToo({ actorId: member.id, threadId: thread.threadId, meToo: i < 2 })));
    expect(await meToosOf(thread.threadId)).toEqual({ meTooCount: 2, rows: 2 });
  });
});
