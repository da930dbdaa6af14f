import "server-only";
import { htmlToText, toExcerpt } from "@/lib/discussions/html-to-excerpt";
import { postPath } from "@/lib/discussions/discussion-paths";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { sendMail } from "@/server/mail/send-mail";
import { DELIVERY_CONSENT_JOINS, DELIVERY_CONSENTED } from "./delivery-consent-sql";
import { findUnsubscribeListName } from "./find-unsubscribe-list-name";
import { preferenceCenterUrl } from "./unsubscribe-http";
import { signUnsubscribeToken } from "./sign-unsubscribe-token";
import { renderAlertEmail } from "./templates/render-alert-email";
import { parseUnsubscribeList } from "./unsubscribe-list";

/** After this many failed SMTP attempts a delivery is FAILED (listFailedEmailDeliveries). */
export const MAX_EMAIL_ATTEMPTS = 5;
/** While a sender works on a claimed row its dueAt is pushed this far: other senders skip it. */
const CLAIM_LEASE_MINUTES = 10;
const EXCERPT_LENGTH = 400;
/**
 * Deliveries handed to SMTP at once by this process, over every concurrent sendDueEmails call.
 * Each holds a database connection for its transaction and briefly takes a second one
 * (suppression check, sent-mail log): 4 × 2 stays within the pool of 10 (server/db/client.ts),
 * so sends can never all wait on each other for a connection.
 */
const SEND_CONCURRENCY = 4;

export type SendDueEmailsResult = { sent: number; skipped: number; retried: number; failed: number };

type DeliveryRow = {
  id: bigint;
  userId: string;
  reason: string;
  listKey: string;
  attempts: number;
  email: string;
  locale: string | null;
  eventKind: string;
  threadId: string;
  postId: string;
  threadTitle: string;
  threadSlug: string;
  bodyHtml: string;
  productName: string;
  categoryName: string | null;
  actorName: string;
  timeZone: string;
  level: string | null;
  subscriptionSource: string | null;
  chosenAt: Date | null;
  consented: boolean;
};

/**
 * Claims up to `batchSize` due IMMEDIATE rows with FOR UPDATE SKIP LOCKED and pushes their dueAt
 * by the lease, in one short statement: concurrent senders (several workers) claim disjoint rows.
 */
async function claimDueDeliveries(batchSize: number): Promise<bigint[]> {
  const rows = await db().$queryRaw<{ id: bigint }[]>`
    UPDATE "EmailDelivery" SET "dueAt" = (now() AT TIME ZONE 'UTC') + make_interval(mins => ${CLAIM_LEASE_MINUTES})
    WHERE "id" IN (
      SELECT "id" FROM "EmailDelivery"
      WHERE "status" = 'PENDING' AND "frequency" = 'IMMEDIATE' AND "dueAt" <= (now() AT TIME ZONE 'UTC')
      ORDER BY "dueAt", "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  return rows.map((row) => row.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Sends every due IMMEDIATE alert e-mail, batch after batch until none is due. Each message is
 * decided and sent in its own transaction that first locks the delivery row (FOR UPDATE) and the
 * member's user row (FOR KEY SHARE — every preference change locks it FOR UPDATE), then:
 * - consent is re-checked in that SQL, right before SMTP: still a member, not deleted, e-mail not
 *   paused, the subscription (at a level that covers this event) or personal switch still has
 *   e-mail on, nothing muted, the post still there. Otherwise SKIPPED. A withdrawal committed
 *   before the check is honoured; one made during the send waits for it to be handed over.
 * - the e-mail (recipient's language) goes out with List-Id / List-Unsubscribe (one-click) and a
 *   stable Message-ID <delivery-<id>@host>; SENT with its Message-ID once SMTP accepted it. A
 *   suppressed address is SKIPPED.
 * - an SMTP failure counts an attempt and retries later (2^attempts minutes, at most an hour);
 *   FAILED after MAX_EMAIL_ATTEMPTS.
 * A crash after SMTP accepted a message but before its row was marked may send it once more after
 * the lease (the same Message-ID lets receivers drop the copy); nothing is ever lost.
 */
export async function sendDueEmails({ batchSize = 50 }: { batchSize?: number } = {}): Promise<SendDueEmailsResult> {
  const result: SendDueEmailsResult = { sent: 0, skipped: 0, retried: 0, failed: 0 };
  for (;;) {
    const ids = await claimDueDeliveries(batchSize);
    // In parallel: each row is still decided and sent in its own locked transaction, so running
    // several at once changes nothing about what is sent, only how long the SMTP round trips take.
    const outcomes = await Promise.all(ids.map((id) => withSendSlot(() => sendOneDelivery(id))));
    for (const outcome of outcomes) if (outcome) result[outcome] += 1;
    if (ids.length < batchSize) return result;
  }
}

let sendsInFlight = 0;
const waitingForSlot: (() => void)[] = [];

/** Runs `send` when fewer than SEND_CONCURRENCY sends of this process are in flight. */
async function withSendSlot<T>(send: () => Promise<T>): Promise<T> {
  if (sendsInFlight >= SEND_CONCURRENCY) await new Promise<void>((resolve) => waitingForSlot.push(resolve));
  else sendsInFlight += 1;
  try {
    return await send();
  } finally {
    // Hand the slot straight to the next waiter (the count stays), or free it.
    const next = waitingForSlot.shift();
    if (next) next();
    else sendsInFlight -= 1;
  }
}

async function sendOneDelivery(id: bigint): Promise<keyof SendDueEmailsResult | null> {
  return db().$transaction(
    async (tx) => {
      // Lock first, check after, in two statements: under READ COMMITTED the second one reads a
      // snapshot taken once the member's row is ours, so it sees any withdrawal committed before
      // (a single locking SELECT would re-read only the locked rows and judge consent on older
      // data). A withdrawal that starts now waits on the lock until the message is handed over.
      const locked = await tx.$queryRaw<{ id: bigint }[]>`
        SELECT d."id" FROM "EmailDelivery" d JOIN "User" u ON u."id" = d."userId"
        WHERE d."id" = ${id} AND d."status" = 'PENDING'
        FOR UPDATE OF d FOR KEY SHARE OF u`;
      // Another sender finished it after our claim's lease ran out.
      if (locked.length === 0) return null;
      const rows = await tx.$queryRaw<DeliveryRow[]>`
        SELECT d."id", d."userId", d."reason"::text AS "reason", d."listKey", d."attempts",
               u."email", u."locale"::text AS "locale",
               e."kind"::text AS "eventKind", e."threadId", e."postId",
               t."title" AS "threadTitle", t."slug" AS "threadSlug", p."bodyHtml",
               pr."name" AS "productName", c."name" AS "categoryName",
               COALESCE(a."displayName", '') AS "actorName",
               COALESCE(ep."timeZone", 'Europe/Paris') AS "timeZone",
               s."level"::text AS "level", s."source"::text AS "subscriptionSource", s."chosenAt",
               ${DELIVERY_CONSENTED} AS "consented"
        FROM "EmailDelivery" d
        ${DELIVERY_CONSENT_JOINS}
        JOIN "Product" pr ON pr."id" = e."productId"
        LEFT JOIN "Category" c ON c."id" = e."categoryId"
        LEFT JOIN "User" a ON a."id" = e."actorId"
        WHERE d."id" = ${id}`;
      const row = rows[0];
      if (!row) return null;
      const list = parseUnsubscribeList(row.listKey);
      if (!row.consented || !list) {
        await tx.emailDelivery.update({ where: { id }, data: { status: "SKIPPED", lastError: row.consented ? "unknown list" : null }, select: { id: true } });
        return "skipped";
      }

      const { APP_URL } = env();
      const host = new URL(APP_URL).hostname;
      const locale = isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
      const listName = await findUnsubscribeListName(list, locale);
      const unsubscribeUrl = `${APP_URL}/unsubscribe/${signUnsubscribeToken(row.userId, row.listKey)}`;
      const watch =
        list.type === "product" || list.type === "category" || list.type === "thread"
          ? {
              targetType: list.type,
              targetName: list.type === "product" ? row.productName : list.type === "category" ? (row.categoryName ?? "") : row.threadTitle,
              level: row.level ?? "EVERYTHING",
              source: row.subscriptionSource ?? "",
              chosenAt: row.chosenAt ?? new Date(),
              timeZone: row.timeZone,
            }
          : null;
      const message = renderAlertEmail({
        locale,
        reason: row.reason,
        eventKind: row.eventKind,
        productName: row.productName,
        threadTitle: row.threadTitle,
        actorName: row.actorName,
        excerpt: toExcerpt(htmlToText(row.bodyHtml), EXCERPT_LENGTH),
        postUrl: `${APP_URL}${postPath(row.threadId, row.threadSlug, row.postId)}`,
        preferenceUrl: preferenceCenterUrl(row.userId),
        unsubscribeUrl,
        listName,
        watch,
      });

      try {
        const outcome = await sendMail({
          to: row.email,
          userId: row.userId,
          kind: "alert",
          ...message,
          list: { id: `${row.listKey.replace(":", "-").replaceAll("_", "-").toLowerCase()}.${host}`, name: listName, unsubscribeUrl },
          messageId: `<delivery-${row.id}@${host}>`,
        });
        if (outcome.status === "not-sent") {
          await tx.emailDelivery.update({ where: { id }, data: { status: "SKIPPED", lastError: outcome.reason }, select: { id: true } });
          return "skipped";
        }
        await tx.emailDelivery.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), messageId: outcome.messageId, lastError: null }, select: { id: true } });
        return "sent";
      } catch (error) {
        const attempts = row.attempts + 1;
        const failed = attempts >= MAX_EMAIL_ATTEMPTS;
        const backoffMinutes = Math.min(60, 2 ** attempts);
        await tx.emailDelivery.update({
          where: { id },
          data: {
            attempts,
            status: failed ? "FAILED" : "PENDING",
            lastError: describeSmtpError(error),
            dueAt: new Date(Date.now() + backoffMinutes * 60_000),
          },
          select: { id: true },
        });
        return failed ? "failed" : "retried";
      }
    },
    // The row stays locked while the message is handed to SMTP.
    { timeout: 120_000, maxWait: 20_000 },
  );
}

/** A short, log-safe description of an SMTP failure (for admins; never shown to members). */
function describeSmtpError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return `${typeof code === "string" ? `${code}: ` : ""}${error.message}`.slice(0, 500);
  }
  return "unknown error";
}
