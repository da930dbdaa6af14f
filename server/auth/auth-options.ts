import "server-only";
import type { AuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import EmailProvider from "next-auth/providers/email";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { db } from "@/server/db/client";
import { resolveVisitorLocale } from "@/server/i18n/resolve-locale";
import { signInEmailSchema } from "@/lib/auth/sign-in-schema";
import { sessionOptions } from "./session-options";
import { findSavedLocale } from "./find-saved-locale";
import { sendSignInLink, SIGN_IN_LINK_VALID_MINUTES } from "./send-sign-in-link";

/** The e-mail link provider: links mailed through sendMail in the recipient's language. */
function emailLinkProvider(): Provider {
  return EmailProvider({
    maxAge: SIGN_IN_LINK_VALID_MINUTES * 60,
    // Same rules as the form; a bad address becomes next-auth's "EmailSignin" error.
    normalizeIdentifier(identifier) {
      return signInEmailSchema.parse({ email: identifier }).email;
    },
    async sendVerificationRequest({ identifier, url }) {
      // Runs inside the POST to /api/auth/signin/email, so the visitor's language is readable.
      const locale = (await findSavedLocale(identifier)) ?? (await resolveVisitorLocale());
      await sendSignInLink({ email: identifier, nextAuthLink: url, locale });
    },
  });
}

/**
 * Full next-auth configuration for /api/auth. Built per request (env and database are only
 * available at runtime, not while `next build` imports modules).
 */
export async function getAuthOptions(): Promise<AuthOptions> {
  const providers: Provider[] = [emailLinkProvider()];
  // Demo accounts exist only in development. This literal comparison is the one direct read of
  // NODE_ENV: the bundler inlines it, so a production build drops the import and the module.
  if (process.env.NODE_ENV === "development") {
    const { demoAccountProvider } = await import("./demo/demo-account-provider");
    providers.push(demoAccountProvider());
  }
  return { ...sessionOptions(), adapter: PrismaAdapter(db()), providers };
}
