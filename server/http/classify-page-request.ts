import "server-only";
import { isLocale, negotiateLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

/**
 * Cookies that do not change what a public page shows: the language (part of the key) and
 * next-auth's CSRF and callback cookies (set by the sign-in page, read only by its API). Any other
 * cookie — a session above all — may personalize the page, so such a request is never served
 * from or stored in the cache. An allowlist, so a cookie added later is safe by default.
 */
const NEUTRAL_COOKIE = /^(NEXT_LOCALE|(__Host-|__Secure-)?next-auth\.(csrf-token|callback-url))$/;

// The public pages worth caching: the same HTML for every anonymous reader of one language.
const CACHEABLE_PATH = /^\/(?:|categories|p\/[^/]+|c\/[^/]+|t\/([^/]+)\/[^/]+)$/;

export type PageRequestFacts = {
  method: string;
  pathname: string;
  search: string;
  /** Header lookup, lower-case names. */
  header: (name: string) => string | null;
  cookieNames: string[];
  cookie: (name: string) => string | undefined;
};

export type PageRequestClass = { cacheable: true; key: string; threadId: string | null } | { cacheable: false };

/**
 * Whether this request may be answered from (and stored in) the anonymous page cache, and under
 * which key: the locale the page will be rendered in + the path and query.
 */
export function classifyPageRequest(request: PageRequestFacts): PageRequestClass {
  if (request.method !== "GET" && request.method !== "HEAD") return { cacheable: false };
  const match = CACHEABLE_PATH.exec(request.pathname);
  if (!match) return { cacheable: false };
  // Client-side navigations, prefetches, router.refresh() and server actions fetch React Server
  // Component payloads from the same URL: never HTML, never cached.
  if (request.header("rsc") !== null || request.header("next-router-prefetch") !== null || request.header("next-router-state-tree") !== null || request.header("next-action") !== null) {
    return { cacheable: false };
  }
  if (request.cookieNames.some((name) => !NEUTRAL_COOKIE.test(name))) return { cacheable: false };
  // Same order as server/i18n/resolve-locale.ts for a visitor: cookie, then Accept-Language.
  const cookieLocale = request.cookie(LOCALE_COOKIE);
  const locale = isLocale(cookieLocale) ? cookieLocale : negotiateLocale(request.header("accept-language"));
  return { cacheable: true, key: `${locale} ${request.pathname}${request.search}`, threadId: match[1] ?? null };
}
