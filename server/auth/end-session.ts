import "server-only";
import { cookies } from "next/headers";

// next-auth's JWT session cookie, possibly split into chunks (".0", ".1") when large.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Signs the person out. Sessions are stateless JWTs, so ending one means expiring its cookie;
 * doing it in a server action keeps the sign-out button working without JavaScript.
 */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!SESSION_COOKIE.test(name)) continue;
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
