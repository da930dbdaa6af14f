/** next-auth error codes we explain in plain words (messages under "auth.errors"). */
const EXPLAINED = ["Verification", "EmailSignin", "CredentialsSignin", "SessionRequired", "AccessDenied", "Configuration", "Suspended", "RateLimited"] as const;
export type SignInErrorKey = (typeof EXPLAINED)[number] | "Default";

/** Maps `?error=` (or a signIn() result) to a message key; unknown or OAuth codes get the generic one. */
export function signInErrorKey(code: string | null | undefined): SignInErrorKey {
  return EXPLAINED.find((known) => known === code) ?? "Default";
}
