import "server-only";
import { rateLimiterFor } from "@/server/http/rate-limiter-for-policy";
import type { RateLimitDecision } from "@/server/http/rate-limiter";
import { hashEmailAddress } from "@/server/mail/hash-email-address";

/**
 * Whether a sign-in link may be mailed: per client IP (policy "sign-in-ip"), then per address
 * (policy "sign-in-address", keyed by the address's SHA-256 so the table never holds it). The
 * same for every address, known or not, so a refusal reveals nothing about accounts.
 */
export async function limitSignInRequest({ email, ip }: { email: string; ip: string }): Promise<RateLimitDecision> {
  const byIp = await rateLimiterFor("sign-in-ip").take(ip);
  if (!byIp.allowed) return byIp;
  return rateLimiterFor("sign-in-address").take(hashEmailAddress(email));
}
