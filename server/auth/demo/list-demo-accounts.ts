import "server-only";
import { db } from "@/server/db/client";
import type { UserRole } from "@/lib/auth/current-user";
import { DEMO_EMAIL_DOMAIN } from "./demo-email-domain";

export interface DemoAccount {
  email: string;
  displayName: string | null;
  role: UserRole;
}

// The seed creates a handful; the cap only guards against a database filled by hand.
const MAX_DEMO_ACCOUNTS = 50;

/** DEVELOPMENT ONLY (demo-account-sign-in): the seeded accounts /signin offers one-click sign-in for. */
export async function listDemoAccounts(): Promise<DemoAccount[]> {
  const accounts = await db().user.findMany({
    where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } },
    select: { email: true, displayName: true, role: true },
    orderBy: [{ role: "desc" }, { email: "asc" }],
    take: MAX_DEMO_ACCOUNTS,
  });
  return accounts;
}
