import "server-only";
import type { AuthOptions } from "next-auth";
import { env } from "@/server/env";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { isLocale } from "@/lib/i18n/locales";
import { findRestriction } from "@/server/moderation/find-active-sanctions";

/**
 * The part of the next-auth configuration that reading a session needs (secret, JWT strategy,
 * callbacks, pages). `getAuthOptions()` adds the adapter and providers for the auth route.
 */
export function sessionOptions(): Omit<AuthOptions, "providers"> {
  const { APP_URL, NEXTAUTH_SECRET } = env();
  return {
    secret: NEXTAUTH_SECRET,
    // Credentials (demo) sign-in only works with JWT sessions; email links work with both.
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    // From APP_URL, not next-auth's guess from NEXTAUTH_URL: over https every auth cookie is
    // Secure with the __Secure-/__Host- prefix (HttpOnly and SameSite=Lax either way).
    useSecureCookies: APP_URL.startsWith("https://"),
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    callbacks: {
      async signIn({ user, email }) {
        // Asking for a link always "works" (whether an address is suspended is nobody else's
        // business); using it, or a demo sign-in, is refused while a suspension is in force, and
        // the sign-in page shows its end and reason to the person who proved they own the address.
        if (email?.verificationRequest) return true;
        const suspension = user?.id ? await findRestriction(user.id, "SUSPENSION") : null;
        // Absolute: next-auth's client parses the URL it gets back (a relative one throws there).
        return suspension ? `${APP_URL}/signin?error=Suspended&sanction=${encodeURIComponent(suspension.id)}` : true;
      },
      jwt({ token, user }) {
        // `user` is only present on the request that signs the person in.
        if (user) {
          token.sub = user.id;
          token.role = user.role ?? "MEMBER";
          token.locale = isLocale(user.locale) ? user.locale : null;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.sub ?? "",
          email: token.email ?? "",
          role: token.role ?? "MEMBER",
          locale: token.locale ?? null,
        };
        return session;
      },
      redirect({ url }) {
        return `${APP_URL}${safeCallbackPath(url, APP_URL)}`;
      },
    },
  };
}
