import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { applySecurityHeaders } from "@/server/http/apply-security-headers";
import { buildContentSecurityPolicy } from "@/server/http/build-content-security-policy";
import { classifyPageRequest } from "@/server/http/classify-page-request";
import { createNonce } from "@/server/http/create-nonce";
import { CACHE_STATUS_HEADER, isCacheRender, serveCachedPage } from "@/server/http/serve-cached-page";

/**
 * Runs before every request but static files (Next 16's proxy, Node.js runtime, in-process):
 * 1. a fresh CSP nonce per response — put on the request's Content-Security-Policy header, where
 *    Next finds it and stamps its own <script> tags, and on the response;
 * 2. the security headers every response carries, route handlers included;
 * 3. the anonymous page micro-cache (server/http/serve-cached-page.ts) for public pages.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const { NODE_ENV, APP_URL } = env();
  const https = APP_URL.startsWith("https://");
  const development = NODE_ENV === "development";
  const nonce = createNonce();

  if (!isCacheRender(request.headers)) {
    const page = classifyPageRequest({
      method: request.method,
      pathname: request.nextUrl.pathname,
      search: request.nextUrl.search,
      header: (name) => request.headers.get(name),
      cookieNames: request.cookies.getAll().map((cookie) => cookie.name),
      cookie: (name) => request.cookies.get(name)?.value,
    });
    if (page.cacheable) {
      const served = await serveCachedPage(request, page.key, page.threadId, nonce);
      if (served) {
        served.response.headers.set("Content-Security-Policy", buildContentSecurityPolicy({ nonce: served.nonce, development, https }));
        applySecurityHeaders(served.response.headers, { https });
        return served.response;
      }
    }
  }

  const csp = buildContentSecurityPolicy({ nonce, development, https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A header set here replaces the route's own: the unsubscribe pages are plain HTML with an
  // inline stylesheet and a stricter policy of their own (default-src 'none'), which must stay.
  if (!hasOwnContentSecurityPolicy(request.nextUrl.pathname)) response.headers.set("Content-Security-Policy", csp);
  applySecurityHeaders(response.headers, { https });
  if (!isCacheRender(request.headers)) response.headers.set(CACHE_STATUS_HEADER, "bypass");
  return response;
}

/** Route handlers that answer HTML with their own policy (server/notifications/unsubscribe-http.ts). */
function hasOwnContentSecurityPolicy(pathname: string): boolean {
  return pathname.startsWith("/unsubscribe/");
}

export const config = {
  // Hashed build files and the image optimizer need no nonce; next.config.js gives them nosniff.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
