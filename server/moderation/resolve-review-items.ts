import "server-only";
import { hasPermission, type Permission } from "@/lib/moderation/permissions";
import { resolveReviewItemsSchema, type ReviewDecision } from "@/lib/moderation/review-queue-schemas";
import { db, type Prisma } from "@/server/db/client";
import type { ModerationNoticeKind, ReviewStatus } from "@/server/db/generated/prisma/enums";
import { renderPostBody } from "@/server/discussions/render-post-body";
import { AppError } from "@/server/errors/app-error";
import { enqueueFanOut } from "@/server/jobs/enqueue-fan-out";
import { recordNotificationEvent } from "@/server/notifications/record-notification-event";
import { requirePermission } from "./require-permission";
import { sendModerationNotice } from "./send-moderation-notice";
import { publishPublicPageChange } from "@/server/http/publish-public-page-change";

export type ResolveReviewItemsInput = {
  /** The signed-in person's id; permissions are read from the database, not trusted. */
  actorId: string | null;
  ids: string[];
  decision: ReviewDecision;
  /** Why; required for hide, delete and edit, shown to the author. */
  reason?: string;
  /** The new Markdown body, for "edit" (exactly one id). */
  body?: string;
  requestId: string;
};

export type ResolveReviewItemsResult = {
  resolved: number;
  /** Ids that were unknown or already resolved (by someone else, a moment ago): left as they are. */
  skipped: number;
  /** The threads whose pages changed, for revalidation. */
  threads: { id: string; slug: string }[];
};

const DECISION: Record<ReviewDecision, { permission: Permission; status: ReviewStatus; notice: ModerationNoticeKind; action: string }> = {
  approve: { permission: "post.approve", status: "APPROVED", notice: "POST_APPROVED", action: "post.approve" },
  hide: { permission: "post.hide", status: "HIDDEN", notice: "POST_HIDDEN", action: "post.hide" },
  delete: { permission: "post.delete", status: "DELETED", notice: "POST_DELETED", action: "post.delete" },
  edit: { permission: "post.edit", status: "EDITED", notice: "POST_EDITED", action: "post.edit" },
};

type LockedItem = {
  id: string;
  kind: "FLAGGED" | "PRE_MODERATION";
  postId: string;
  authorId: string;
  authorDeleted: boolean;
  threadId: string;
  threadSlug: string;
  isOpening: boolean;
  visibility: string;
  deletedAt: Date | null;
  bodyMarkdown: string;
};

/**
 * Resolves one or many OPEN review items with one decision ("queue.review" and the decision's own
 * permission: post.approve / post.hide / post.delete / post.edit), in one transaction with
 * set-based statements whatever the number of items:
 * - approve: the post becomes VISIBLE (a pre-moderated post is announced now: its outbox event is
 *   written and fanned out after commit, as if just posted);
 * - hide: HIDDEN (only the author and moderators see it, with a notice);
 * - delete: soft-deleted like an author's delete (an opening post deletes its thread, a deleted
 *   accepted answer stops being accepted);
 * - edit (one item): the old body is kept as a revision, the new one is shown, the post VISIBLE.
 * Each item gets its status, resolver and reason; the post's open flags are linked to it; one
 * audit row per item with before/after; and the author (unless their account is gone) an in-app
 * moderation notice with the outcome and the reason.
 * Items already resolved are skipped (reported), never resolved twice.
 * Throws SIGN_IN_REQUIRED, FORBIDDEN (MISSING_PERMISSION), INVALID_INPUT (details.field).
 */
export async function resolveReviewItems(input: ResolveReviewItemsInput): Promise<ResolveReviewItemsResult> {
  const parsed = resolveReviewItemsSchema.safeParse({ ids: input.ids, decision: input.decision, reason: input.reason ?? "", body: input.body });
  if (!parsed.success) throw new AppError("INVALID_INPUT", { details: { field: String(parsed.error.issues[0]?.path[0] ?? "form") } });
  const { decision, reason, body } = parsed.data;
  const ids = [...new Set(parsed.data.ids)];
  const rule = DECISION[decision];
  const moderator = await requirePermission(input.actorId, rule.permission);
  if (!hasPermission(moderator.role, "queue.review")) throw new AppError("FORBIDDEN", { details: { reason: "MISSING_PERMISSION", permission: "queue.review" } });
  const editedHtml = decision === "edit" && body ? await renderPostBody(body) : null;

  const outcome = await db().$transaction(async (tx) => {
    // Items and their posts locked in one order (post id), so two bulk actions never deadlock.
    const items = await tx.$queryRaw<LockedItem[]>`
      SELECT ri."id", ri."kind"::text AS "kind", ri."postId", p."authorId", (u."deletedAt" IS NOT NULL) AS "authorDeleted",
             p."threadId", t."slug" AS "threadSlug", p."isOpening", p."visibility"::text AS "visibility", p."deletedAt", p."bodyMarkdown"
      FROM "ReviewItem" ri
      JOIN "Post" p ON p."id" = ri."postId"
      JOIN "Thread" t ON t."id" = p."threadId"
      JOIN "User" u ON u."id" = p."authorId"
      WHERE ri."id" = ANY(${ids}::text[]) AND ri."status" = 'OPEN'
      ORDER BY p."id"
      FOR UPDATE OF ri, p`;
    if (items.length === 0) return { items, eventIds: [] as bigint[] };
    const itemIds = items.map((item) => item.id);
    const postIds = items.map((item) => item.postId);
    const now = new Date();

    await applyDecision(tx, decision, { postIds, now, moderatorId: moderator.id, item: items[0]!, body: body ?? "", editedHtml: editedHtml ?? "" });

    await tx.$executeRaw`
      UPDATE "ReviewItem"
      SET "status" = ${rule.status}::"ReviewStatus", "resolvedById" = ${moderator.id}, "resolvedAt" = ${now}, "resolutionReason" = ${reason || null}
      WHERE "id" = ANY(${itemIds}::text[])`;
    // The open flags were what this review dealt with.
    await tx.$executeRaw`
      UPDATE "PostFlag" f SET "reviewItemId" = ri."id"
      FROM "ReviewItem" ri
      WHERE ri."id" = ANY(${itemIds}::text[]) AND f."postId" = ri."postId" AND f."reviewItemId" IS NULL`;

    await tx.auditLogEntry.createMany({
      data: items.map((item) => ({
        actorId: moderator.id,
        action: rule.action,
        targetType: "post",
        targetId: item.postId,
        reason: reason || null,
        before: beforeOf(decision, item),
        after: afterOf(decision, item, now, body),
        requestId: input.requestId,
      })),
    });

    for (const item of items) {
      if (item.authorDeleted) continue;
      await sendModerationNotice(tx, { userId: item.authorId, kind: rule.notice, reason, postId: item.postId, threadId: item.threadId, createdById: moderator.id });
    }

    // Posts shown, hidden, edited or deleted: anonymous readers' cached copies of their threads go at commit.
    await publishPublicPageChange(tx, { threadIds: items.map((item) => item.threadId) });

    // A pre-moderated post was never announced: its outbox event is written now, by its author.
    const eventIds: bigint[] = [];
    if (decision === "approve" || decision === "edit") {
      for (const item of items) {
        if (item.kind !== "PRE_MODERATION" || item.deletedAt) continue;
        const eventId = await recordNotificationEvent(tx, {
          kind: item.isOpening ? "THREAD_CREATED" : "REPLY_POSTED",
          threadId: item.threadId,
          postId: item.postId,
          actorId: item.authorId,
        });
        await tx.$executeRaw`UPDATE "PostMention" SET "eventId" = ${eventId} WHERE "postId" = ${item.postId}`;
        eventIds.push(eventId);
      }
    }
    return { items, eventIds };
  });

  for (const eventId of outcome.eventIds) await enqueueFanOut(eventId);
  const threads = new Map(outcome.items.map((item) => [item.threadId, { id: item.threadId, slug: item.threadSlug }]));
  return { resolved: outcome.items.length, skipped: ids.length - outcome.items.length, threads: [...threads.values()] };
}

async function applyDecision(
  tx: Prisma.TransactionClient,
  decision: ReviewDecision,
  context: { postIds: string[]; now: Date; moderatorId: string; item: LockedItem; body: string; editedHtml: string },
): Promise<void> {
  const { postIds, now } = context;
  if (decision === "approve") {
    await tx.$executeRaw`UPDATE "Post" SET "visibility" = 'VISIBLE' WHERE "id" = ANY(${postIds}::text[])`;
  } else if (decision === "hide") {
    await tx.$executeRaw`UPDATE "Post" SET "visibility" = 'HIDDEN' WHERE "id" = ANY(${postIds}::text[])`;
  } else if (decision === "delete") {
    await tx.$executeRaw`UPDATE "Post" SET "deletedAt" = ${now} WHERE "id" = ANY(${postIds}::text[]) AND "deletedAt" IS NULL`;
    // As an author's delete: an opening post takes its thread with it; an accepted answer stops being accepted.
    await tx.$executeRaw`
      UPDATE "Thread" SET "deletedAt" = ${now}
      WHERE "deletedAt" IS NULL AND "id" IN (SELECT "threadId" FROM "Post" WHERE "id" = ANY(${postIds}::text[]) AND "isOpening")`;
    await tx.$executeRaw`UPDATE "Thread" SET "acceptedPostId" = NULL WHERE "acceptedPostId" = ANY(${postIds}::text[])`;
  } else {
    const { item } = context;
    const [last] = await tx.$queryRaw<{ revision: number | null }[]>`
      SELECT max("revision") AS "revision" FROM "PostRevision" WHERE "postId" = ${item.postId}`;
    const thread = item.isOpening ? await tx.thread.findUnique({ where: { id: item.threadId }, select: { title: true } }) : null;
    await tx.postRevision.create({
      data: { postId: item.postId, editorId: context.moderatorId, revision: (last?.revision ?? 0) + 1, title: thread?.title ?? null, bodyMarkdown: item.bodyMarkdown },
      select: { id: true },
    });
    await tx.post.update({
      where: { id: item.postId },
      data: { bodyMarkdown: context.body, bodyHtml: context.editedHtml, editedAt: now, visibility: "VISIBLE" },
      select: { id: true },
    });
  }
}

function beforeOf(decision: ReviewDecision, item: LockedItem): Prisma.InputJsonValue {
  const before: Record<string, string | null> = { visibility: item.visibility, deletedAt: item.deletedAt?.toISOString() ?? null };
  if (decision === "edit") before.bodyMarkdown = item.bodyMarkdown;
  return before;
}

function afterOf(decision: ReviewDecision, item: LockedItem, now: Date, body: string | undefined): Prisma.InputJsonValue {
  switch (decision) {
    case "approve":
      return { visibility: "VISIBLE", deletedAt: item.deletedAt?.toISOString() ?? null };
    case "hide":
      return { visibility: "HIDDEN", deletedAt: item.deletedAt?.toISOString() ?? null };
    case "delete":
      return { visibility: item.visibility, deletedAt: (item.deletedAt ?? now).toISOString() };
    case "edit":
      return { visibility: "VISIBLE", deletedAt: item.deletedAt?.toISOString() ?? null, bodyMarkdown: body ?? "" };
  }
}
