import "server-only";
import { headers } from "next/headers";
import type { AuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import EmailProvider from "next-auth/providers/email";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { clientIpOf } from "@/server/http/rate-limiter";
import { resolveVisitorLocale } from "@/server/i18n/resolve-locale";
import { signInEmailSchema } from "@/lib/auth/sign-in-schema";
import { sessionOptions } from "./session-options";
import { findSavedLocale } from "./find-saved-locale";
import { limitSignInRequest } from "./limit-sign-in-request";
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

type SignInCallback = NonNullable<NonNullable<AuthOptions["callbacks"]>["signIn"]>;

/**
 * Adds the sign-in request rate limit in front of the session's signIn callback. Only here, in
 * the /api/auth route, where the request's headers exist. Refusing from the callback (rather than
 * failing to send) makes next-auth answer with our URL, whose `error=RateLimited` the sign-in
 * form and page turn into a clear message instead of the generic "couldn't send".
 */
function limitingSignInRequests(signIn: SignInCallback | undefined): SignInCallback {
  return async (params) => {
    // Absolute URLs: next-auth's client parses the URL it gets back.
    const { APP_URL } = env();
    try {
      if (params.email?.verificationRequest) {
        const decision = await limitSignInRequest({ email: params.user.email ?? "", ip: clientIpOf(await headers()) });
        if (!decision.allowed) return `${APP_URL}/signin?error=RateLimited`;
      }
      return signIn ? await signIn(params) : true;
    } catch (error) {
      // next-auth would put String(error) in the redirect URL, unlogged: log it, say little.
      console.error("Sign-in callback failed", error);
      return `${APP_URL}/signin?error=Default`;
    }
  };
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
  const session = sessionOptions();
  return {
    ...session,
    callbacks: { ...session.callbacks, signIn: limitingSignInRequests(session.callbacks?.signIn) },
    adapter: PrismaAdapter(db()),
    providers,
  };
}
