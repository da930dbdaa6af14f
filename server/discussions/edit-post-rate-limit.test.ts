import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors/app-error";
import { RATE_LIMIT_POLICIES } from "@/server/http/rate-limit-policies";
import { createWritableProduct, createWriter } from "@/test/fixtures/discussion-writers";
import { createThread } from "./create-thread";
import { discussionErrorMessage } from "./discussion-error-key";
import { editPost } from "./edit-post";

// This file's own env(): the limit shared through Postgres, as with several instances.
beforeAll(() => {
  vi.stubEnv("RATE_LIMIT_STORE", "postgres");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe("post edit rate limit (per member)", () => {
  it("refuses the edit past the burst with RATE_LIMITED and a retry time, writes nothing, and leaves other members alone", async () => {
    const [product, author, other] = await Promise.all([createWritableProduct(), createWriter(), createWriter()]);
    const thread = await createThread({ actorId: author.id, productSlug: product.slug, kind: "DISCUSSION", title: "Edited again and again", body: "v0", language: "en" });
    const { capacity } = RATE_LIMIT_POLICIES["post-edit"];
    for (let index = 1; index <= capacity; index += 1) {
      await editPost({ actorId: author.id, postId: thread.postId, title: "Edited again and again", body: `v${index}` });
    }
    const before = Date.now();
    const refusal = await editPost({ actorId: author.id, postId: thread.postId, title: "Edited again and again", body: "one too many" }).catch((error: unknown) => error);
    expect(isAppError(refusal, "RATE_LIMITED")).toBe(true);
    const retryAt = new Date(String((refusal as { details: { retryAt: string } }).details.retryAt)).getTime();
    // 3 a minute: the next token is about 20 seconds away.
    expect(retryAt).toBeGreaterThan(before + 10_000);
    expect(retryAt).toBeLessThanOrEqual(before + 21_000);
    // The form's message says when posting works again.
    expect(discussionErrorMessage(refusal, "Editing a post")).toEqual({ key: "write.errors.RATE_LIMITED", values: { retryAt: new Date(retryAt) } });
    expect(await db().postRevision.count({ where: { postId: thread.postId } })).toBe(capacity);
    expect((await db().post.findUniqueOrThrow({ where: { id: thread.postId }, select: { bodyMarkdown: true } })).bodyMarkdown).toBe(`v${capacity}`);

    const otherThread = await createThread({ actorId: other.id, productSlug: product.slug, kind: "DISCUSSION", title: "Someone else edits once", body: "v0", language: "en" });
    await expect(editPost({ actorId: other.id, postId: otherThread.postId, title: "Someone else edits once", body: "v1" })).resolves.toMatchObject({ postId: otherThread.postId });
  });
});
