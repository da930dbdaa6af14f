import "server-only";
import { toSlug } from "@/lib/catalog/to-slug";
import type { ThreadKindChoice } from "@/lib/discussions/ask-schema";
import type { AppLocale } from "@/lib/i18n/locales";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { findMember } from "@/server/membership/find-member";
import { checkPostingRate } from "./check-posting-rate";
import { renderPostBody } from "./render-post-body";

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
  const bodyHtml = await renderPostBody(input.body);
  const slug = toSlug(input.title) || "thread";

  return db().$transaction(async (tx) => {
    await checkPostingRate(tx, member.id);
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
      },
      select: { id: true },
    });
    return { threadId: thread.id, slug, postId: post.id };
  });
}
