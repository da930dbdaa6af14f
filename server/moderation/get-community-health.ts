import "server-only";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import type { CommunityHealth, HealthWindow } from "@/lib/moderation/community-health";
import { requirePermission } from "./require-permission";

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the ISO week holding `at`. */
function weekStart(at: Date): Date {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS);
}

/** A JS Date as the UTC `timestamp` Prisma stores DateTime columns in. */
const ts = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** Hours as a number with two decimals (null stays null). */
const hours = (value: number | null) => (value === null ? null : Math.round(Number(value) * 100) / 100);

/**
 * Community health for the moderation dashboard over the last `weeks` ISO weeks (the current one
 * included), each metric ONE SQL aggregate over indexed columns, the queries run in parallel:
 *   - membership: customers (users with a purchase), the members among them, all members (now);
 *   - joins and leaves per week from the consent ledger (COMMUNITY_MEMBERSHIP GRANTED/WITHDRAWN);
 *   - e-mail unsubscribe rate per list: e-mails SENT (immediate ones by their list, digests as
 *     "digest") against EMAIL_ONE_CLICK withdrawals of that list's purpose/scope;
 *   - questions asked per week (by week asked), answered by someone else, solved, and the medians
 *     (percentile_cont) to the first answer and to the accepted answer;
 *   - active members per week: distinct authors and "helpful" voters;
 *   - the review queue: open now, opened/resolved per week, the queue at each week's end and the
 *     median review time.
 * Needs "health.view". `now` is for tests.
 */
export async function getCommunityHealth(actorId: string | null, options: { weeks: HealthWindow; now?: Date }): Promise<CommunityHealth> {
  await requirePermission(actorId, "health.view");
  const { weeks } = options;
  const lastWeekStart = weekStart(options.now ?? new Date());
  const firstWeekStart = new Date(lastWeekStart.getTime() - (weeks - 1) * WEEK_MS);
  const windowEnd = new Date(lastWeekStart.getTime() + WEEK_MS);
  const from = ts(firstWeekStart);
  const to = ts(windowEnd);
  const weekSeries = Prisma.sql`SELECT generate_series(${from}, ${ts(lastWeekStart)}, interval '1 week') AS "week"`;
  const day = Prisma.sql`'YYYY-MM-DD'`;

  const [membershipRows, joinsLeaves, unsubscribes, questionRows, activeRows, reviewRows] = await Promise.all([
    db().$queryRaw<{ customers: number; memberCustomers: number; members: number }[]>`
      SELECT count(c."userId")::int AS "customers",
             count(c."userId") FILTER (WHERE u."isMember")::int AS "memberCustomers",
             count(*) FILTER (WHERE u."isMember")::int AS "members"
      FROM "User" u
      LEFT JOIN (SELECT DISTINCT p."userId" FROM "Purchase" p) c ON c."userId" = u."id"
      WHERE u."deletedAt" IS NULL`,

    db().$queryRaw<{ week: string; joins: number; leaves: number }[]>`
      WITH weeks AS (${weekSeries})
      SELECT to_char(w."week", ${day}) AS "week",
             count(c."id") FILTER (WHERE c."action" = 'GRANTED')::int AS "joins",
             count(c."id") FILTER (WHERE c."action" = 'WITHDRAWN')::int AS "leaves"
      FROM weeks w
      LEFT JOIN "ConsentEvent" c ON c."purpose" = 'COMMUNITY_MEMBERSHIP'
        AND c."occurredAt" >= ${from} AND c."occurredAt" < ${to}
        AND c."occurredAt" >= w."week" AND c."occurredAt" < w."week" + interval '1 week'
      GROUP BY w."week" ORDER BY w."week"`,

    db().$queryRaw<{ list: string; sent: number; unsubscribed: number }[]>`
      WITH sent AS (
        SELECT CASE WHEN d."listKey" LIKE 'personal:%' THEN d."listKey" ELSE split_part(d."listKey", ':', 1) END AS "list",
               count(*)::int AS "n"
        FROM "EmailDelivery" d
        WHERE d."status" = 'SENT' AND d."digestId" IS NULL AND d."sentAt" >= ${from} AND d."sentAt" < ${to}
        GROUP BY 1
        UNION ALL
        SELECT 'digest', count(*)::int FROM "Digest" g WHERE g."status" = 'SENT' AND g."sentAt" >= ${from} AND g."sentAt" < ${to}
      ), gone AS (
        SELECT CASE c."purpose"
                 WHEN 'PRODUCT_ALERTS' THEN 'product'
                 WHEN 'CATEGORY_ALERTS' THEN 'category'
                 WHEN 'THREAD_ALERTS' THEN 'thread'
                 WHEN 'PERSONAL_NOTIFICATIONS' THEN 'personal:' || c."scope"
                 ELSE 'digest' END AS "list",
               count(*)::int AS "n"
        FROM "ConsentEvent" c
        WHERE c."purpose" IN ('PRODUCT_ALERTS', 'CATEGORY_ALERTS', 'THREAD_ALERTS', 'PERSONAL_NOTIFICATIONS', 'ALERT_EMAIL')
          AND c."source" = 'EMAIL_ONE_CLICK' AND c."action" = 'WITHDRAWN'
          AND c."occurredAt" >= ${from} AND c."occurredAt" < ${to}
        GROUP BY 1
      )
      SELECT COALESCE(s."list", g."list") AS "list", COALESCE(s."n", 0)::int AS "sent", COALESCE(g."n", 0)::int AS "unsubscribed"
      FROM sent s FULL JOIN gone g ON g."list" = s."list"
      WHERE COALESCE(s."n", 0) > 0 OR COALESCE(g."n", 0) > 0
      ORDER BY 1`,

    db().$queryRaw<
      { week: string | null; asked: number; answered: number; solved: number; firstAnswer: number | null; solution: number | null }[]
    >`
      WITH weeks AS (${weekSeries}), q AS (
        SELECT date_trunc('week', t."createdAt") AS "week",
               (t."acceptedPostId" IS NOT NULL) AS "solved",
               (EXTRACT(EPOCH FROM (fa."at" - t."createdAt")) / 3600)::float8 AS "firstAnswer",
               (EXTRACT(EPOCH FROM (ap."createdAt" - t."createdAt")) / 3600)::float8 AS "solution"
        FROM "Thread" t
        LEFT JOIN LATERAL (
          SELECT min(p."createdAt") AS "at" FROM "Post" p
          WHERE p."threadId" = t."id" AND p."depth" >= 1 AND p."deletedAt" IS NULL
            AND p."visibility" = 'VISIBLE' AND p."authorId" <> t."authorId"
        ) fa ON true
        LEFT JOIN "Post" ap ON ap."id" = t."acceptedPostId"
        WHERE t."createdAt" >= ${from} AND t."createdAt" < ${to}
          AND t."kind" = 'QUESTION' AND t."deletedAt" IS NULL AND t."mergedIntoId" IS NULL
      )
      SELECT to_char(w."week", ${day}) AS "week",
             count(q."week")::int AS "asked",
             count(q."firstAnswer")::int AS "answered",
             count(*) FILTER (WHERE q."solved")::int AS "solved",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY q."firstAnswer") AS "firstAnswer",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY q."solution") AS "solution"
      FROM weeks w LEFT JOIN q ON q."week" = w."week"
      GROUP BY GROUPING SETS ((w."week"), ())
      ORDER BY w."week" NULLS LAST`,

    // Deduplicated (week, person) pairs by hashing, then counted per week and over the window
    // (count(DISTINCT) per group would sort every row); with room to hash a year of activity in
    // memory (SET LOCAL: this transaction only).
    db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
      return tx.$queryRaw<{ week: string; active: number; overall: number }[]>`
      WITH weeks AS (${weekSeries}), acts AS MATERIALIZED (
        SELECT x."week", x."userId" FROM (
          SELECT date_trunc('week', p."createdAt") AS "week", p."authorId" AS "userId"
          FROM "Post" p WHERE p."createdAt" >= ${from} AND p."createdAt" < ${to}
          UNION ALL
          SELECT date_trunc('week', v."createdAt"), v."userId"
          FROM "PostVote" v WHERE v."createdAt" >= ${from} AND v."createdAt" < ${to}
        ) x GROUP BY 1, 2
      ), perWeek AS (
        SELECT a."week", count(*)::int AS "active" FROM acts a GROUP BY 1
      )
      SELECT to_char(w."week", ${day}) AS "week", COALESCE(pw."active", 0)::int AS "active",
             (SELECT count(*) FROM (SELECT DISTINCT a."userId" FROM acts a) people)::int AS "overall"
      FROM weeks w LEFT JOIN perWeek pw ON pw."week" = w."week"
      ORDER BY w."week"`;
    }),

    db().$queryRaw<
      { week: string; opened: number; resolved: number; queueAtEnd: number; median: number | null; openNow: number; overallMedian: number | null }[]
    >`
      WITH weeks AS (${weekSeries}),
      opened AS (
        SELECT date_trunc('week', r."openedAt") AS "week", count(*)::int AS "n"
        FROM "ReviewItem" r WHERE r."openedAt" >= ${from} AND r."openedAt" < ${to} GROUP BY 1
      ),
      resolved AS (
        SELECT date_trunc('week', r."resolvedAt") AS "week", count(*)::int AS "n",
               percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (r."resolvedAt" - r."openedAt")) / 3600) AS "median"
        FROM "ReviewItem" r WHERE r."resolvedAt" >= ${from} AND r."resolvedAt" < ${to} GROUP BY 1
      ),
      totals AS (
        SELECT (SELECT count(*) FROM "ReviewItem" WHERE "status" = 'OPEN')::int AS "openNow",
               ((SELECT count(*) FROM "ReviewItem" WHERE "openedAt" >= ${to})
                 - (SELECT count(*) FROM "ReviewItem" WHERE "resolvedAt" >= ${to}))::int AS "netLater",
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("resolvedAt" - "openedAt")) / 3600)
                  FROM "ReviewItem" WHERE "resolvedAt" >= ${from} AND "resolvedAt" < ${to}) AS "overallMedian"
      ),
      weekly AS (
        SELECT w."week", COALESCE(o."n", 0) AS "opened", COALESCE(r."n", 0) AS "resolved", r."median"
        FROM weeks w LEFT JOIN opened o ON o."week" = w."week" LEFT JOIN resolved r ON r."week" = w."week"
      )
      SELECT to_char(k."week", ${day}) AS "week", k."opened", k."resolved", k."median"::float8 AS "median",
             -- open at the week's end = open now - net growth (opened - resolved) since then
             (t."openNow" - t."netLater"
               - COALESCE(sum(k."opened" - k."resolved") OVER (ORDER BY k."week" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))::int AS "queueAtEnd",
             t."openNow", t."overallMedian"::float8 AS "overallMedian"
      FROM weekly k CROSS JOIN totals t
      ORDER BY k."week"`,
  ]);

  const membership = membershipRows[0] ?? { customers: 0, memberCustomers: 0, members: 0 };
  const questionWeeks = questionRows.filter((row) => row.week !== null);
  const questionTotal = questionRows.find((row) => row.week === null);
  return {
    weeks,
    firstWeek: firstWeekStart.toISOString().slice(0, 10),
    lastWeek: lastWeekStart.toISOString().slice(0, 10),
    membership: { ...membership, optInRate: membership.customers > 0 ? membership.memberCustomers / membership.customers : null },
    joinsLeaves,
    unsubscribes: unsubscribes.map((row) => ({ ...row, rate: row.sent > 0 ? row.unsubscribed / row.sent : null })),
    questions: {
      weeks: questionWeeks.map((row) => ({
        week: row.week!,
        asked: row.asked,
        answered: row.answered,
        solved: row.solved,
        medianHoursToFirstAnswer: hours(row.firstAnswer),
        medianHoursToSolution: hours(row.solution),
      })),
      overall: {
        asked: questionTotal?.asked ?? 0,
        answered: questionTotal?.answered ?? 0,
        solved: questionTotal?.solved ?? 0,
        medianHoursToFirstAnswer: hours(questionTotal?.firstAnswer ?? null),
        medianHoursToSolution: hours(questionTotal?.solution ?? null),
      },
    },
    activeMembers: {
      weeks: activeRows.map((row) => ({ week: row.week, active: row.active })),
      overall: activeRows[0]?.overall ?? 0,
    },
    review: {
      openNow: reviewRows[0]?.openNow ?? 0,
      medianReviewHours: hours(reviewRows[0]?.overallMedian ?? null),
      weeks: reviewRows.map((row) => ({ week: row.week, opened: row.opened, resolved: row.resolved, queueAtEnd: row.queueAtEnd, medianReviewHours: hours(row.median) })),
    },
  };
}
