import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "@/server/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { restrictionInForce } from "@/server/moderation/find-active-sanctions";
import { sessionOptions } from "./session-options";

/**
 * The signed-in person, or null. Read fresh from the database (once per request) rather than
 * trusted from the session token, so a changed name, language or role shows at once and a
 * deleted account stops working.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(sessionOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({
    // A deleted account's row stays (pseudonymous, for the ledger) but never signs anyone in,
    // even with a session token issued before the deletion on another device.
    // A suspended member's session stops working at once, whenever it was issued.
    where: { id, deletedAt: null, sanctions: { none: restrictionInForce("SUSPENSION", new Date()) } },
    select: { id: true, email: true, displayName: true, role: true, locale: true },
  });
  return user;
});
