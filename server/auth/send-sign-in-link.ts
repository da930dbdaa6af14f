import "server-only";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { sendMail } from "@/server/mail/send-mail";
import type { AppLocale } from "@/lib/i18n/locales";
import { buildSignInEmail } from "./build-sign-in-email";

export const SIGN_IN_LINK_VALID_MINUTES = 60;

/**
 * Mails the one-time sign-in link. next-auth builds the link on NEXTAUTH_URL; its path and
 * query are re-anchored on APP_URL so the link can never point at whatever Host a request
 * claimed. The recipient's account, when one exists, is named so the message is logged for
 * their data export; the very first link to a new address has none (next-auth creates the
 * user when the link is used).
 */
export async function sendSignInLink({ email, nextAuthLink, locale }: { email: string; nextAuthLink: string; locale: AppLocale }) {
  const { pathname, search } = new URL(nextAuthLink);
  const link = `${env().APP_URL}${pathname}${search}`;
  const message = buildSignInEmail({ link, locale, validForMinutes: SIGN_IN_LINK_VALID_MINUTES });
  const user = await db().user.findUnique({ where: { email }, select: { id: true } });
  return sendMail({ to: email, userId: user?.id ?? null, kind: "sign-in", ...message });
}
