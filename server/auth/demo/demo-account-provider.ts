import "server-only";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/server/db/client";
import { DEMO_EMAIL_DOMAIN } from "./demo-email-domain";

/**
 * DEVELOPMENT ONLY. One-click sign-in as a seeded demo account (no e-mail round trip).
 * Only imported behind `process.env.NODE_ENV === "development"`; scripts/assert-no-demo-sign-in.ts
 * fails if this marker ever appears in a production build: demo-account-sign-in
 */
export function demoAccountProvider() {
  return CredentialsProvider({
    id: "demo",
    name: "demo-account-sign-in",
    credentials: { email: { label: "E-mail", type: "email" } },
    async authorize(credentials) {
      const email = credentials?.email?.trim().toLowerCase() ?? "";
      if (!email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)) return null;
      const user = await db().user.findUnique({
        where: { email },
        select: { id: true, email: true, displayName: true, role: true, locale: true },
      });
      if (!user) return null;
      return { id: user.id, email: user.email, name: user.displayName, role: user.role, locale: user.locale };
    },
  });
}
