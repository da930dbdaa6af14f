import "server-only";
import { db } from "@/server/db/client";
import type { ConsentPurposeWithText } from "@/lib/consent/consent-texts";

const ALERT_PURPOSE_ORDER = ["PRODUCT_ALERTS", "CATEGORY_ALERTS", "THREAD_ALERTS", "PERSONAL_NOTIFICATIONS"] as const;

/**
 * The consents a person holds right now, which deleting their account would withdraw, in the
 * order withdrawAllConsents records them (the badge, alerts, then membership). The deletion
 * form shows each one's withdrawal wording. Keep in step with the withdrawers in
 * server/membership/withdraw-all-consents.ts. One query.
 */
export async function findHeldConsents(userId: string): Promise<ConsentPurposeWithText[]> {
  const [row] = await db().$queryRaw<{ isMember: boolean; showsOwnerBadge: boolean; product: boolean; category: boolean; thread: boolean; personal: boolean }[]>`
    SELECT u."isMember", u."showsOwnerBadge",
      EXISTS (SELECT 1 FROM "AlertSubscription" s WHERE s."userId" = u.id AND s."productId" IS NOT NULL AND s.level IN ('EVERYTHING', 'NEW_THREADS')) AS product,
      EXISTS (SELECT 1 FROM "AlertSubscription" s WHERE s."userId" = u.id AND s."categoryId" IS NOT NULL AND s.level IN ('EVERYTHING', 'NEW_THREADS')) AS category,
      EXISTS (SELECT 1 FROM "AlertSubscription" s WHERE s."userId" = u.id AND s."threadId" IS NOT NULL AND s.level = 'EVERYTHING') AS thread,
      EXISTS (SELECT 1 FROM "PersonalEventPreference" p WHERE p."userId" = u.id AND p.email) AS personal
    FROM "User" u WHERE u.id = ${userId} AND u."deletedAt" IS NULL`;
  if (!row) return [];
  const alertHeld = { PRODUCT_ALERTS: row.product, CATEGORY_ALERTS: row.category, THREAD_ALERTS: row.thread, PERSONAL_NOTIFICATIONS: row.personal };
  const held: ConsentPurposeWithText[] = row.showsOwnerBadge ? ["OWNER_BADGE"] : [];
  held.push(...ALERT_PURPOSE_ORDER.filter((purpose) => alertHeld[purpose]));
  if (row.isMember) held.push("COMMUNITY_MEMBERSHIP");
  return held;
}
