import "server-only";
import { cache } from "react";
import { db, type Prisma } from "@/server/db/client";
import { DEFAULT_ALERT_STATE, type AlertState, type AlertTarget, type AlertTargetType } from "@/lib/preferences/alert-vocabulary";
import { targetColumn } from "./alert-target-columns";

// React's cache compares arguments by identity: key it on strings, not on the target object.
const readAlertState = cache(async (userId: string, type: AlertTargetType, id: string): Promise<AlertState> => {
  const where = { userId, [targetColumn(type)]: id } as Prisma.AlertSubscriptionWhereInput;
  const row = await db().alertSubscription.findFirst({ where, select: { level: true, inApp: true, email: true } });
  return row ?? { ...DEFAULT_ALERT_STATE };
});

/**
 * A person's level and channels for one product, category or thread, as they chose them; the
 * default (Normal, in-app, no e-mail) when they chose nothing or are signed out. Read once per
 * request however many controls show it.
 */
export async function getAlertSubscription(userId: string | null, target: AlertTarget): Promise<AlertState> {
  if (!userId) return { ...DEFAULT_ALERT_STATE };
  return readAlertState(userId, target.type, target.id);
}
