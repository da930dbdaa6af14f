import "server-only";
import { db } from "@/server/db/client";
import { publishPublicPageChange } from "@/server/http/publish-public-page-change";
import { AppError } from "@/server/errors/app-error";
import type { ThreadActionResult } from "./lock-thread";
import { recordAuditEntry } from "./record-audit-entry";
import { requirePermission } from "./require-permission";
import { sendModerationNotice } from "./send-moderation-notice";

export type MoveThreadInput = {
  actorId: string | null;
  threadId: string;
  /** The product the thread moves to. */
  productSlug: string;
  reason: string;
  requestId: string;
};

export type MoveThreadResult = ThreadActionResult & { fromProductSlug: string; toProductSlug: string };

/**
 * Moves a thread to another product ("thread.move"). Its address is /t/<id>/<slug>, which names
 * no product, so every link keeps working; lists are queries over Thread.productId, so they follow
 * at once. Notification events keep the product they were raised under (a snapshot of the past).
 * Audit row (product before/after) and a notice to the author, in one transaction. Moving to the
 * product it is already in writes nothing.
 * Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION), NOT_FOUND (details.field threadId / productSlug).
 */
export async function moveThread(input: MoveThreadInput): Promise<MoveThreadResult> {
  const moderator = await requirePermission(input.actorId, "thread.move");
  return db().$transaction(async (tx) => {
    const [thread] = await tx.$queryRaw<{ id: string; slug: string; authorId: string; productId: string; productSlug: string }[]>`
      SELECT t."id", t."slug", t."authorId", t."productId", p."slug" AS "productSlug"
      FROM "Thread" t JOIN "Product" p ON p."id" = t."productId"
      WHERE t."id" = ${input.threadId} AND t."deletedAt" IS NULL FOR UPDATE OF t`;
    if (!thread) throw new AppError("NOT_FOUND", { details: { field: "threadId" } });
    const product = await tx.product.findUnique({ where: { slug: input.productSlug }, select: { id: true, slug: true } });
    if (!product) throw new AppError("NOT_FOUND", { details: { field: "productSlug" } });
    const result = { threadId: thread.id, threadSlug: thread.slug, fromProductSlug: thread.productSlug, toProductSlug: product.slug };
    if (product.id === thread.productId) return { ...result, changed: false };

    await tx.thread.update({ where: { id: thread.id }, data: { productId: product.id }, select: { id: true } });
    await recordAuditEntry(tx, {
      actorId: moderator.id,
      action: "thread.move",
      targetType: "thread",
      targetId: thread.id,
      reason: input.reason,
      before: { productId: thread.productId, productSlug: thread.productSlug },
      after: { productId: product.id, productSlug: product.slug },
      requestId: input.requestId,
    });
    if (thread.authorId !== moderator.id) {
      await sendModerationNotice(tx, { userId: thread.authorId, kind: "THREAD_MOVED", reason: input.reason, threadId: thread.id, createdById: moderator.id });
    }
    // Cached copies of the thread and of both products' lists go at commit.
    await publishPublicPageChange(tx, { threadIds: [thread.id] });
    return { ...result, changed: true };
  });
}
