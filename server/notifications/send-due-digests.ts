import "server-only";
import { htmlToText, toExcerpt } from "@/lib/discussions/html-to-excerpt";
import { postPath } from "@/lib/discussions/discussion-paths";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import { env } from "@/server/env";
import { sendMail } from "@/server/mail/send-mail";
import { DELIVERY_CONSENT_JOINS, DELIVERY_CONSENTED } from "./delivery-consent-sql";
import { findUnsubscribeListName } from "./find-unsubscribe-list-name";
import { MAX_EMAIL_ATTEMPTS } from "./send-due-emails";
import { signUnsubscribeToken } from "./sign-unsubscribe-token";
import { renderDigestEmail, type DigestThread } from "./templates/render-digest-email";
import { preferenceCenterUrl } from "./unsubscribe-http";
import { formatUnsubscribeList, parseUnsubscribeList } from "./unsubscribe-list";

/** Threads listed in one digest (the rest is counted, with a link to the notifications page). */
const MAX_THREADS_SHOWN = 30;
/** Excerpts shown per thread (the rest is counted). */
const POSTS_SHOWN_PER_THREAD = 3;
const EXCERPT_LENGTH = 200;
const DIGEST_LIST_KEY = formatUnsubscribeList({ type: "digest" });

export type SendDueDigestsResult = {
  /** Digest e-mails handed to SMTP. */
  sent: number;
  /** Digests with nothing left once withdrawn items were dropped (or a suppressed address): no e-mail. */
  empty: number;
  /** SMTP failed: tried again later (backoff). */
  retried: number;
  /** SMTP failed for the last time: the digest and its deliveries are FAILED. */
  failed: number;
  /** Items that arrived for a slot whose digest had already gone: moved to the next slot. */
  moved: number;
};

type Outcome = Exclude<keyof SendDueDigestsResult, "moved"> | { moved: number };

type ItemRow = {
  id: bigint;
  reason: string;
  listKey: string;
  email: string;
  locale: string | null;
  eventId: bigint;
  threadId: string;
  postId: string;
  productId: string;
  threadTitle: string;
  threadSlug: string;
  bodyHtml: string;
  productName: string;
  categoryName: string | null;
  actorName: string;
  timeZone: string;
  chosenAt: Date | null;
  consented: boolean;
};

/**
 * Sends every daily and weekly digest whose slot has passed (`now`, injectable for tests): for
 * each member with PENDING DAILY/WEEKLY deliveries due at `now`, one transaction
 * (sendMemberDigest) that claims them with FOR UPDATE SKIP LOCKED (a concurrent run or a second
 * worker skips them, so a digest is never sent twice), takes the Digest row of the slot (unique per
 * member, frequency and slot), locks the member's row (FOR KEY SHARE, like the immediate sender)
 * and re-checks consent per item with the immediate sender's SQL (delivery-consent-sql.ts):
 * withdrawn items are SKIPPED; if anything is left, ONE e-mail in the member's language, grouped
 * by product then thread, with the digest's List-Id and one-click List-Unsubscribe (list
 * "digest": pauses all alert e-mail) and a Message-ID made of the slot and member (stable across a
 * crash and resend); the deliveries become
 * SENT with the digest's id. Nothing left: the Digest is SKIPPED, no e-mail.
 *
 * SMTP failure: the digest counts an attempt, its items stay PENDING (attached to it) and come
 * back after 2^attempts minutes (at most an hour); FAILED with its items after MAX_EMAIL_ATTEMPTS.
 * Rows are SENT only once SMTP accepted the message; a crash in between sends it at most once
 * more, with the same Message-ID.
 */
export async function sendDueDigests({ now = new Date(), batchSize = 100 }: { now?: Date; batchSize?: number } = {}): Promise<SendDueDigestsResult> {
  const result: SendDueDigestsResult = { sent: 0, empty: 0, retried: 0, failed: 0, moved: 0 };
  const at = now.toISOString();
  // Members in id order, a page at a time: each member is looked at once per run.
  let after = "";
  for (;;) {
    const members = await db().$queryRaw<{ userId: string }[]>`
      SELECT DISTINCT "userId" FROM "EmailDelivery"
      WHERE "status" = 'PENDING' AND "frequency" IN ('DAILY', 'WEEKLY')
        AND "dueAt" <= (${at}::timestamptz AT TIME ZONE 'UTC') AND "userId" > ${after}
      ORDER BY "userId"
      LIMIT ${batchSize}`;
    for (const { userId } of members) {
      const outcome = await sendMemberDigest(userId, now);
      if (outcome === null) continue;
      if (typeof outcome === "object") result.moved += outcome.moved;
      else result[outcome] += 1;
    }
    if (members.length < batchSize) return result;
    after = members.at(-1)!.userId;
  }
}

async function sendMemberDigest(userId: string, now: Date): Promise<Outcome | null> {
  const at = now.toISOString();
  return db().$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ id: bigint; frequency: "DAILY" | "WEEKLY"; dueAt: Date; digestId: bigint | null }[]>`
        SELECT "id", "frequency"::text AS "frequency", "dueAt", "digestId" FROM "EmailDelivery"
        WHERE "userId" = ${userId} AND "status" = 'PENDING' AND "frequency" IN ('DAILY', 'WEEKLY')
          AND "dueAt" <= (${at}::timestamptz AT TIME ZONE 'UTC')
        ORDER BY "dueAt", "id"
        FOR UPDATE SKIP LOCKED`;
      // None: another run holds them (or sent them since we looked).
      if (claimed.length === 0) return null;

      // The digest: the one these items were already attached to (a retry after an SMTP
      // failure), else the one of the latest slot among them, created once per slot.
      const retryOf = claimed.find((row) => row.digestId !== null)?.digestId ?? null;
      const latest = claimed.at(-1)!;
      let digestId = retryOf;
      if (digestId === null) {
        const slot = { userId, frequency: latest.frequency, dueAt: latest.dueAt };
        await tx.digest.createMany({ data: [slot], skipDuplicates: true });
        digestId = (await tx.digest.findUnique({ where: { userId_frequency_dueAt: slot }, select: { id: true } }))?.id ?? null;
      }
      const [digest] = digestId === null ? [] : await tx.$queryRaw<{ id: bigint; status: string; attempts: number; frequency: "DAILY" | "WEEKLY"; dueAt: Date }[]>`
        SELECT "id", "status"::text AS "status", "attempts", "frequency"::text AS "frequency", "dueAt" FROM "Digest" WHERE "id" = ${digestId} FOR UPDATE`;
      if (!digest || digest.status !== "PENDING") {
        // That slot's digest already went out (these items were written just before the slot but
        // committed after it was sent): they wait for the next slot rather than sending it twice.
        const step = (digest?.frequency ?? latest.frequency) === "WEEKLY" ? 7 : 1;
        const nextSlot = new Date((digest?.dueAt ?? latest.dueAt).getTime() + step * 86_400_000);
        await tx.emailDelivery.updateMany({ where: { id: { in: claimed.map((row) => row.id) } }, data: { dueAt: nextSlot, digestId: null } });
        return { moved: claimed.length };
      }

      // Items attached to this digest by an earlier failed attempt, whatever their dueAt.
      const attached = await tx.$queryRaw<{ id: bigint }[]>`
        SELECT "id" FROM "EmailDelivery"
        WHERE "digestId" = ${digest.id} AND "status" = 'PENDING' AND "id" NOT IN (${Prisma.join(claimed.map((row) => row.id))})
        FOR UPDATE SKIP LOCKED`;
      const ids = [...claimed.map((row) => row.id), ...attached.map((row) => row.id)];

      // Lock the member, then read consent in a new statement (its snapshot then includes every
      // withdrawal committed before): the same two steps as the immediate sender.
      await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR KEY SHARE`;
      const items = await tx.$queryRaw<ItemRow[]>`
        SELECT d."id", d."reason"::text AS "reason", d."listKey",
               u."email", u."locale"::text AS "locale",
               e."id" AS "eventId", e."threadId", e."postId", e."productId",
               t."title" AS "threadTitle", t."slug" AS "threadSlug", p."bodyHtml",
               pr."name" AS "productName", c."name" AS "categoryName",
               COALESCE(a."displayName", '') AS "actorName",
               COALESCE(ep."timeZone", 'Europe/Paris') AS "timeZone",
               s."chosenAt",
               ${DELIVERY_CONSENTED} AS "consented"
        FROM "EmailDelivery" d
        ${DELIVERY_CONSENT_JOINS}
        JOIN "Product" pr ON pr."id" = e."productId"
        LEFT JOIN "Category" c ON c."id" = e."categoryId"
        LEFT JOIN "User" a ON a."id" = e."actorId"
        WHERE d."id" IN (${Prisma.join(ids)})
        ORDER BY e."id", d."id"`;

      const kept = items.filter((item) => item.consented && parseUnsubscribeList(item.listKey) !== null);
      const keptIds = new Set(kept.map((item) => item.id));
      const dropped = ids.filter((id) => !keptIds.has(id));
      if (dropped.length > 0) {
        await tx.emailDelivery.updateMany({ where: { id: { in: dropped } }, data: { status: "SKIPPED", digestId: null } });
      }
      if (kept.length === 0) {
        await tx.digest.update({ where: { id: digest.id }, data: { status: "SKIPPED", lastError: "empty" }, select: { id: true } });
        return "empty";
      }

      const first = kept[0]!;
      const { APP_URL } = env();
      const host = new URL(APP_URL).hostname;
      const locale = isLocale(first.locale) ? first.locale : DEFAULT_LOCALE;
      const unsubscribeUrl = `${APP_URL}/unsubscribe/${signUnsubscribeToken(userId, DIGEST_LIST_KEY)}`;
      const message = renderDigestEmail({
        locale,
        frequency: digest.frequency,
        ...groupByProductAndThread(kept, APP_URL),
        timeZone: first.timeZone,
        notificationsUrl: `${APP_URL}/notifications`,
        preferenceUrl: preferenceCenterUrl(userId),
        unsubscribeUrl,
      });
      const listName = await findUnsubscribeListName({ type: "digest" }, locale);
      const keptList = [...keptIds];

      try {
        const outcome = await sendMail({
          to: first.email,
          userId,
          kind: "alert",
          ...message,
          list: { id: `digest.${host}`, name: listName, unsubscribeUrl },
          // From the slot, not the row id: a crash after SMTP accepted it rolls the Digest row back,
          // and the resend must carry the same Message-ID so receivers drop the copy.
          messageId: `<digest-${digest.frequency.toLowerCase()}-${digest.dueAt.getTime()}-${userId}@${host}>`,
        });
        if (outcome.status === "not-sent") {
          await tx.emailDelivery.updateMany({ where: { id: { in: keptList } }, data: { status: "SKIPPED", lastError: outcome.reason, digestId: null } });
          await tx.digest.update({ where: { id: digest.id }, data: { status: "SKIPPED", lastError: outcome.reason }, select: { id: true } });
          return "empty";
        }
        const sentAt = new Date();
        await tx.emailDelivery.updateMany({
          where: { id: { in: keptList } },
          data: { status: "SENT", sentAt, messageId: outcome.messageId, digestId: digest.id, lastError: null },
        });
        await tx.digest.update({ where: { id: digest.id }, data: { status: "SENT", sentAt, messageId: outcome.messageId, lastError: null }, select: { id: true } });
        return "sent";
      } catch (error) {
        const attempts = digest.attempts + 1;
        const failed = attempts >= MAX_EMAIL_ATTEMPTS;
        const lastError = describeSmtpError(error);
        const retryAt = new Date(now.getTime() + Math.min(60, 2 ** attempts) * 60_000);
        await tx.emailDelivery.updateMany({
          where: { id: { in: keptList } },
          data: { status: failed ? "FAILED" : "PENDING", attempts, lastError, digestId: digest.id, dueAt: retryAt },
        });
        await tx.digest.update({ where: { id: digest.id }, data: { status: failed ? "FAILED" : "PENDING", attempts, lastError }, select: { id: true } });
        return failed ? "failed" : "retried";
      }
    },
    // The rows stay locked while the message is handed to SMTP.
    { timeout: 120_000, maxWait: 20_000 },
  );
}

/** Products in order of their first item, threads likewise, posts oldest first. */
function groupByProductAndThread(items: ItemRow[], appUrl: string) {
  const products = new Map<string, { name: string; threads: Map<string, DigestThread & { postIds: Set<string> }> }>();
  for (const item of items) {
    let product = products.get(item.productId);
    if (!product) products.set(item.productId, (product = { name: item.productName, threads: new Map() }));
    let thread = product.threads.get(item.threadId);
    if (!thread) {
      thread = { title: item.threadTitle, url: `${appUrl}${postPath(item.threadId, item.threadSlug, item.postId)}`, postCount: 0, posts: [], reasons: [], postIds: new Set() };
      product.threads.set(item.threadId, thread);
    }
    if (!thread.postIds.has(item.postId)) {
      thread.postIds.add(item.postId);
      thread.postCount += 1;
      if (thread.posts.length < POSTS_SHOWN_PER_THREAD) thread.posts.push({ actorName: item.actorName, excerpt: toExcerpt(htmlToText(item.bodyHtml), EXCERPT_LENGTH) });
    }
    const list = parseUnsubscribeList(item.listKey);
    const watchedName = list?.type === "product" ? item.productName : list?.type === "category" ? (item.categoryName ?? "") : list?.type === "thread" ? item.threadTitle : null;
    if (!thread.reasons.some((reason) => reason.reason === item.reason)) {
      thread.reasons.push({ reason: item.reason, watch: watchedName !== null && item.chosenAt ? { name: watchedName, chosenAt: item.chosenAt } : null });
    }
  }
  let shown = 0;
  let threadCount = 0;
  let postCount = 0;
  const grouped: { name: string; threads: DigestThread[] }[] = [];
  for (const product of products.values()) {
    const threads: DigestThread[] = [];
    for (const { postIds: _postIds, ...thread } of product.threads.values()) {
      threadCount += 1;
      postCount += thread.postCount;
      if (shown < MAX_THREADS_SHOWN) {
        threads.push(thread);
        shown += 1;
      }
    }
    if (threads.length > 0) grouped.push({ name: product.name, threads });
  }
  return { products: grouped, postCount, threadCount, moreThreads: threadCount - shown };
}

/** A short, log-safe description of an SMTP failure (for admins; never shown to members). */
function describeSmtpError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return `${typeof code === "string" ? `${code}: ` : ""}${error.message}`.slice(0, 500);
  }
  return "unknown error";
}
