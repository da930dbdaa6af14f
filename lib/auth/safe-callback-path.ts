/**
 * Where to send someone after signing in. Only paths on this site are allowed, so a crafted
 * link (`?callbackUrl=https://evil.example`) can never bounce a person elsewhere.
 *
 * Accepts a relative path ("/account?tab=1") or an absolute URL on `appUrl`'s origin and
 * returns the path part; anything else gives `fallback`.
 */
export function safeCallbackPath(value: unknown, appUrl: string, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // Backslashes and control characters are normalised by browsers into surprising places
  // ("/\evil.example" is treated like "//evil.example").
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;

  const base = new URL(appUrl);
  let target: URL;
  try {
    target = new URL(value, base);
  } catch {
    return fallback;
  }
  const isRelativePath = value.startsWith("/") && !value.startsWith("//");
  const isSameOriginUrl = /^https?:\/\//i.test(value) && target.origin === base.origin;
  if (!isRelativePath && !isSameOriginUrl) return fallback;
  if (target.origin !== base.origin) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
