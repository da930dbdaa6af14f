import "server-only";
import { Prisma } from "@/server/db/generated/prisma/client";

/**
 * The consent re-check at send time, shared by the immediate sender (send-due-emails.ts) and the
 * digest sender (send-due-digests.ts) so both apply exactly the same rule. With `d` an
 * "EmailDelivery" row, DELIVERY_CONSENT_JOINS joins u (User), e (NotificationEvent), t (Thread),
 * p (Post), ep (EmailPreference), s (the AlertSubscription of the delivery's list) and pe (the
 * PersonalEventPreference of a personal list); DELIVERY_CONSENTED is true when the e-mail may
 * still go out: still a member, not deleted, e-mail not paused, the thread and post still there,
 * nothing muted, and the subscription (at a level that covers this event) or personal switch
 * still has e-mail on. Run it after locking the member's row (FOR KEY SHARE) so it reads every
 * withdrawal committed before.
 */
export const DELIVERY_CONSENT_JOINS = Prisma.sql`
        JOIN "User" u ON u."id" = d."userId"
        JOIN "NotificationEvent" e ON e."id" = d."eventId"
        JOIN "Thread" t ON t."id" = e."threadId"
        JOIN "Post" p ON p."id" = e."postId"
        LEFT JOIN "EmailPreference" ep ON ep."userId" = d."userId"
        LEFT JOIN "AlertSubscription" s ON s."userId" = d."userId" AND (
             (split_part(d."listKey", ':', 1) = 'product' AND s."productId" = split_part(d."listKey", ':', 2))
          OR (split_part(d."listKey", ':', 1) = 'category' AND s."categoryId" = split_part(d."listKey", ':', 2))
          OR (split_part(d."listKey", ':', 1) = 'thread' AND s."threadId" = split_part(d."listKey", ':', 2)))
        LEFT JOIN "PersonalEventPreference" pe ON pe."userId" = d."userId" AND d."listKey" = 'personal:' || pe."event"::text`;

export const DELIVERY_CONSENTED = Prisma.sql`(
                 u."isMember" AND u."deletedAt" IS NULL AND ep."pausedAt" IS NULL
                 AND t."deletedAt" IS NULL AND p."deletedAt" IS NULL
                 AND NOT EXISTS (
                   SELECT 1 FROM "AlertSubscription" m
                   WHERE m."userId" = d."userId" AND m."level" = 'MUTED'
                     AND (m."threadId" = e."threadId" OR m."productId" = e."productId" OR m."categoryId" = e."categoryId")
                 )
                 AND CASE
                   WHEN d."listKey" LIKE 'personal:%' THEN COALESCE(pe."email", false)
                   ELSE COALESCE(s."email", false)
                        AND (s."level" = 'EVERYTHING' OR (s."level" = 'NEW_THREADS' AND d."reason" IN ('NEW_THREAD_PRODUCT', 'NEW_THREAD_CATEGORY')))
                 END
               )`;
