import type { DefaultSession } from "next-auth";
import type { AppLocale } from "@/lib/i18n/locales";
import type { UserRole } from "@/lib/auth/current-user";

// What our callbacks put into the JWT and the session (server/auth/session-options.ts).
declare module "next-auth" {
  interface User {
    role?: UserRole;
    locale?: AppLocale | null;
  }
  interface Session {
    user: {
      id: string;
      email: string;
      role: UserRole;
      locale: AppLocale | null;
    } & Omit<NonNullable<DefaultSession["user"]>, "email">;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: UserRole;
    locale?: AppLocale | null;
  }
}
