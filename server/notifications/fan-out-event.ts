import "server-only";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import { publishLiveEvent } from "@/server/live/publish-live-event";
import { NOTIFICATIONS_LIVE_CHANNEL } from "./notifications-live-channel";

export type FanOutResult =
  | { status: "done"; inApp: number; email: number }
  /** Another run (a retry, the sweeper, a second worker) already fanned it out: nothing written. */
  | { status: "already" }
  | { status: "missing" };

// Lower rank wins when one person has several reasons (one row per person and channel).
// Personal reasons first: ANSWER_ACCEPTED > REPLY_TO_MY_POST > ANSWER_TO_MY_QUESTION > MENTION >
// WATCHING_THREAD > WATCHING_PRODUCT / NEW_THREAD_PRODUCT > WATCHING_CATEGORY / NEW_THREAD_CATEGORY.
//
// The recipients of one event, as one set (no query per recipient):
// - watchers: THREAD_CREATED -> product/category at NEW_THREADS or EVERYTHING; REPLY_POSTED ->
//   thread, product or category at EVERYTHING; channels are the subscription's inApp/email;
// - personal: ANSWER_ACCEPTED -> the answer's author; REPLY_POSTED -> the parent post's author, or
//   for a top-level reply the thread's author (ANSWER_TO_MY_QUESTION on a question); the members
//   the event's PostMention rows name (new post, or the mentions an edit added); channels from
//   PersonalEventPreference, missing row = in-app on, e-mail off;
// - then only current members (not deleted), never the actor, never anyone who muted the thread,
//   its product or its category (nothing overrides Muted). A deleted thread or post notifies nobody,
//   nor does a post waiting for review or hidden (approving a pre-moderated post writes a new event).
function eligibleRecipients(eventId: bigint): Prisma.Sql {
  return Prisma.sql`
    WITH ev AS (
      SELECT e."id", e."kind"::text AS "kind", e."threadId", e."postId", e."productId", e."categoryId", e."actorId",
             t."kind"::text AS "threadKind", t."authorId" AS "threadAuthorId", p."authorId" AS "postAuthorId", p."parentId"
      FROM "NotificationEvent" e
      JOIN "Thread" t ON t."id" = e."threadId" AND t."deletedAt" IS NULL
      JOIN "Post" p ON p."id" = e."postId" AND p."deletedAt" IS NULL AND p."visibility" = 'VISIBLE'
      WHERE e."id" = ${eventId}
    ),
    candidates AS (
      SELECT s."userId", CASE WHEN ev."kind" = 'THREAD_CREATED' THEN 'NEW_THREAD_PRODUCT' ELSE 'WATCHING_PRODUCT' END AS "reason",
             6 AS "rank", s."inApp", s."email", 'product:' || ev."productId" AS "listKey"
      FROM ev JOIN "AlertSubscription" s ON s."productId" = ev."productId"
      WHERE (ev."kind" = 'THREAD_CREATED' AND s."level" IN ('EVERYTHING', 'NEW_THREADS')) OR (ev."kind" = 'REPLY_POSTED' AND s."level" = 'EVERYTHING')
      UNION ALL
      SELECT s."userId", CASE WHEN ev."kind" = 'THREAD_CREATED' THEN 'NEW_THREAD_CATEGORY' ELSE 'WATCHING_CATEGORY' END,
             7, s."inApp", s."email", 'category:' || ev."categoryId"
      FROM ev JOIN "AlertSubscription" s ON s."categoryId" = ev."categoryId"
      WHERE (ev."kind" = 'THREAD_CREATED' AND s."level" IN ('EVERYTHING', 'NEW_THREADS')) OR (ev."kind" = 'REPLY_POSTED' AND s."level" = 'EVERYTHING')
      UNION ALL
      SELECT s."userId", 'WATCHING_THREAD', 5, s."inApp", s."email", 'thread:' || ev."threadId"
      FROM ev JOIN "AlertSubscription" s ON s."threadId" = ev."threadId"
      WHERE ev."kind" = 'REPLY_POSTED' AND s."level" = 'EVERYTHING'
      UNION ALL
      SELECT personal."userId", personal."reason", personal."rank",
             COALESCE(pref."inApp", true), COALESCE(pref."email", false), 'personal:' || personal."reason"
      FROM (
        SELECT ev."postAuthorId" AS "userId", 'ANSWER_ACCEPTED' AS "reason", 1 AS "rank" FROM ev WHERE ev."kind" = 'ANSWER_ACCEPTED'
        UNION ALL
        SELECT parent."authorId", 'REPLY_TO_MY_POST', 2
        FROM ev JOIN "Post" parent ON parent."id" = ev."parentId" AND parent."deletedAt" IS NULL
        WHERE ev."kind" = 'REPLY_POSTED'
        UNION ALL
        SELECT ev."threadAuthorId", CASE WHEN ev."threadKind" = 'QUESTION' THEN 'ANSWER_TO_MY_QUESTION' ELSE 'REPLY_TO_MY_POST' END,
               CASE WHEN ev."threadKind" = 'QUESTION' THEN 3 ELSE 2 END
        FROM ev WHERE ev."kind" = 'REPLY_POSTED' AND ev."parentId" IS NULL
        UNION ALL
        SELECT m."userId", 'MENTION', 4 FROM ev JOIN "PostMention" m ON m."eventId" = ev."id"
      ) personal
      LEFT JOIN "PersonalEventPreference" pref ON pref."userId" = personal."userId" AND pref."event"::text = personal."reason"
    ),
    eligible AS (
      SELECT c.* FROM candidates c
      CROSS JOIN ev
      JOIN "User" u ON u."id" = c."userId" AND u."isMember" AND u."deletedAt" IS NULL
      WHERE c."userId" <> ev."actorId"
        AND NOT EXISTS (SELECT 1 FROM "AlertSubscription" m WHERE m."userId" = c."userId" AND m."threadId" = ev."threadId" AND m."level" = 'MUTED')
        AND NOT EXISTS (SELECT 1 FROM "AlertSubscription" m WHERE m."userId" = c."userId" AND m."productId" = ev."productId" AND m."level" = 'MUTED')
        AND NOT EXISTS (SELECT 1 FROM "AlertSubscription" m WHERE m."userId" = c."userId" AND m."categoryId" = ev."categoryId" AND m."level" = 'MUTED')
    )`;
}

/**
 * Turns one outbox event into Notification (in-app) and EmailDelivery rows, in one transaction
 * with two set-based INSERT … SELECT statements, whatever the number of recipients.
 *
 * Exactly once: the event row is locked and fannedOutAt checked first (a second run waits, then
 * finds it done), and both tables have a unique (eventId, userId) with ON CONFLICT DO NOTHING.
 *
 * Per channel, each recipient gets one row whose reason is the highest-priority reason among
 * those that turned that channel on (someone mentioned who also watches the thread with e-mail
 * gets the e-mail "because you watch this thread" and the in-app row "you were mentioned").
 *
 * E-mail rows only for members whose e-mail is not paused. dueAt: IMMEDIATE -> now (the sender
 * picks it up); DAILY/WEEKLY -> the member's next digest slot (digestHour, and digestWeekday for
 * weekly, read in their timeZone; computed here with AT TIME ZONE; an unknown zone counts as
 * UTC), and the row's frequency says a digest collects it rather than the sender.
 *
 * After commit, readers of the `notifications` live channel hear { eventId } (once per event).
 */
export async function fanOutEvent(eventId: bigint): Promise<FanOutResult> {
  return db().$transaction(
    async (tx) => {
      const [event] = await tx.$queryRaw<{ fannedOutAt: Date | null }[]>`
        SELECT "fannedOutAt" FROM "NotificationEvent" WHERE "id" = ${eventId} FOR UPDATE`;
      if (!event) return { status: "missing" } as const;
      if (event.fannedOutAt) return { status: "already" } as const;

      const recipients = eligibleRecipients(eventId);
      const inApp = await tx.$executeRaw`
        ${recipients}
        INSERT INTO "Notification" ("userId", "eventId", "reason", "threadId", "postId", "createdAt")
        SELECT DISTINCT ON (el."userId") el."userId", ev."id", el."reason"::"NotificationReason", ev."threadId", ev."postId", now() AT TIME ZONE 'UTC'
        FROM eligible el CROSS JOIN ev
        WHERE el."inApp"
        ORDER BY el."userId", el."rank"
        ON CONFLICT ("eventId", "userId") DO NOTHING`;

      const email = await tx.$executeRaw`
        ${recipients},
        zones AS MATERIALIZED (SELECT "name" FROM pg_timezone_names),
        chosen AS (
          SELECT DISTINCT ON (el."userId") el."userId", el."reason", el."listKey",
                 COALESCE(pref."frequency", 'IMMEDIATE') AS "frequency",
                 COALESCE(pref."digestHour", 8) AS "digestHour", COALESCE(pref."digestWeekday", 1) AS "digestWeekday",
                 COALESCE(pref."timeZone", 'UTC') AS "timeZone"
          FROM eligible el
          LEFT JOIN "EmailPreference" pref ON pref."userId" = el."userId"
          WHERE el."email" AND pref."pausedAt" IS NULL
          ORDER BY el."userId", el."rank"
        ),
        timed AS (
          SELECT chosen.*, COALESCE(zones."name", 'UTC') AS "zone", now() AT TIME ZONE COALESCE(zones."name", 'UTC') AS "localNow"
          FROM chosen LEFT JOIN zones ON zones."name" = chosen."timeZone" AND chosen."frequency" <> 'IMMEDIATE'
        ),
        slotted AS (
          SELECT timed.*,
                 CASE timed."frequency"
                   WHEN 'DAILY' THEN date_trunc('day', "localNow") + make_interval(hours => "digestHour")
                   WHEN 'WEEKLY' THEN date_trunc('day', "localNow")
                     + make_interval(days => (("digestWeekday" - EXTRACT(ISODOW FROM "localNow")::int + 7) % 7), hours => "digestHour")
                 END AS "slot"
          FROM timed
        )
        INSERT INTO "EmailDelivery" ("userId", "eventId", "reason", "listKey", "frequency", "status", "dueAt", "createdAt")
        SELECT s."userId", ev."id", s."reason"::"NotificationReason", s."listKey", s."frequency",
               'PENDING',
               CASE
                 WHEN s."frequency" = 'IMMEDIATE' THEN now() AT TIME ZONE 'UTC'
                 ELSE ((CASE WHEN s."slot" > s."localNow" THEN s."slot"
                             WHEN s."frequency" = 'DAILY' THEN s."slot" + interval '1 day'
                             ELSE s."slot" + interval '7 days' END) AT TIME ZONE s."zone") AT TIME ZONE 'UTC'
               END,
               now() AT TIME ZONE 'UTC'
        FROM slotted s CROSS JOIN ev
        ON CONFLICT ("eventId", "userId") DO NOTHING`;

      await tx.$executeRaw`UPDATE "NotificationEvent" SET "fannedOutAt" = now() AT TIME ZONE 'UTC' WHERE "id" = ${eventId}`;
      if (inApp > 0) await publishLiveEvent(tx, NOTIFICATIONS_LIVE_CHANNEL, { eventId: eventId.toString() });
      return { status: "done", inApp, email } as const;
    },
    // A popular product's event writes 100,000 rows in these two statements.
    { timeout: 120_000, maxWait: 10_000 },
  );
}
