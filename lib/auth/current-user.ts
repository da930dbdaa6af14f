import type { AppLocale } from "@/lib/i18n/locales";

export type UserRole = "MEMBER" | "MODERATOR" | "ADMIN";

/** The signed-in person as pages and components see them: no tokens, nothing sensitive. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string | null;
  role: UserRole;
  /** The language they chose on their account; null until they choose one. */
  locale: AppLocale | null;
}
