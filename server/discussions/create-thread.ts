import "server-only";
import { toSlug } from "@/lib/catalog/to-slug";
import type { ThreadKindChoice } from "@/lib/discussions/ask-schema";
import type { AppLocale } from "@/lib/i18n/locales";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { enqueueFanOut } from "@/server/jobs/enqueue-fan-out";
import { findMember } from "@/server/membership/find-member";
import { isPreModerated, queueForPreModeration } from "@/server/moderation/apply-pre-moderation";
import { recordNotificationEvent } from "@/server/notifications/record-notification-event";
import { recordPostMentions } from "@/server/notifications/record-post-mentions";
import { checkPostingRate } from "./check-posting-rate";
import { renderPostBodyWithMentions } from "./render-post-body";

export type CreateThreadInput = {
  /** The signed-in person's id (null when signed out): membership is checked here, not trusted. */
  actorId: string | null;
  productSlug: string;
  kind: ThreadKindChoice;
  title: string;
  body: string;
  language: AppLocale;
};

/**
 * A new thread in a product's space, with its opening post, in one transaction: either both
 * exist or neither. Throws AppError SIGN_IN_REQUIRED / MEMBERSHIP_REQUIRED / ACCOUNT_DELETED,
 * NOT_FOUND (details.field "productSlug") or RATE_LIMITED.
 */
export async function createThread(input: CreateThreadInput): Promise<{ threadId: string; slug: string; postId: string }> {
  const member = await findMember(input.actorId);
  const product = await db().product.findUnique({ where: { slug: input.productSlug }, select: { id: true } });
  if (!product) throw new AppError("NOT_FOUND", { details: { field: "productSlug" } });
  // Rendering (and looking up mentions) happens before the transaction so it stays short.
  const { html: bodyHtml, mentionedUserIds } = await renderPostBodyWithMentions(input.body);
  const slug = toSlug(input.title) || "thread";

  const created = await db().$transaction(async (tx) => {
    await checkPostingRate(tx, member.id);
    // A pre-moderated newcomer's thread waits for review, hidden (and unannounced) until approved.
    const preModerated = await isPreModerated(tx, member);
    const now = new Date();
    const thread = await tx.thread.create({
      data: {
        productId: product.id,
        authorId: member.id,
        kind: input.kind,
        title: input.title,
        slug,
        language: input.language,
        createdAt: now,
        lastActivityAt: now,
      },
      select: { id: true },
    });
    const post = await tx.post.create({
      data: {
        threadId: thread.id,
        authorId: member.id,
        isOpening: true,
        depth: 0,
        bodyMarkdown: input.body,
        bodyHtml,
        language: input.language,
        createdAt: now,
        visibility: preModerated ? "PENDING_REVIEW" : "VISIBLE",
      },
      select: { id: true },
    });
    if (preModerated) await queueForPreModeration(tx, post.id);
    // The outbox row commits with the thread (or not at all); mentions point at it.
    const eventId = await recordNotificationEvent(tx, { kind: "THREAD_CREATED", threadId: thread.id, postId: post.id, actorId: member.id });
    await recordPostMentions(tx, { postId: post.id, userIds: mentionedUserIds, eventId });
    return { threadId: thread.id, slug, postId: post.id, eventId };
  });
  await enqueueFanOut(created.eventId);
  return { threadId: created.threadId, slug: created.slug, postId: created.postId };
}
