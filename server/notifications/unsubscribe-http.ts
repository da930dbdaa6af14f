import "server-only";
import { getConsentText } from "@/lib/consent/consent-texts";
import type { ConsentAction } from "@/lib/consent/consent-vocabulary";
import { isLocale, negotiateLocale, type AppLocale } from "@/lib/i18n/locales";
import { env } from "@/server/env";
import { BodyTooLargeError, readBodyWithLimit } from "@/server/http/read-body-with-limit";
import { problemResponse } from "@/server/http/problem-response";
import { clientIpOf, type RateLimiter } from "@/server/http/rate-limiter";
import { rateLimiterFor } from "@/server/http/rate-limiter-for-policy";
import { rateLimitResponse } from "@/server/http/rate-limit-response";
import { signPreferenceToken } from "@/server/preferences/sign-preference-token";
import { INVALID_UNSUBSCRIBE_LINK_HTML } from "./templates/render-unsubscribe-page";
import type { UnsubscribeList } from "./unsubscribe-list";
import type { UnsubscribeLinkRecipient } from "./verify-unsubscribe-token";

/**
 * HTTP helpers shared by /unsubscribe/<token> and /unsubscribe/<token>/undo (route handlers stay
 * thin): the per-IP rate limit, the one invalid-link answer, the RFC 8058 body check and the
 * page's language, consent texts and preference link.
 */

// Every answer: never cached (it depends on the database), never indexed, and the token in the
// URL is never sent on as a Referer.
const PAGE_HEADERS = {
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

export const UNSUBSCRIBE_ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

export function htmlResponse(html: string, { status = 200, head = false }: { status?: number; head?: boolean } = {}): Response {
  return new Response(head ? null : html, { status, headers: { ...PAGE_HEADERS, "Content-Type": "text/html; charset=utf-8" } });
}

/** 404 with the same body for every invalid link and method (HEAD: the same headers, no body). */
export function invalidLinkResponse(head = false): Response {
  return htmlResponse(INVALID_UNSUBSCRIBE_LINK_HTML, { status: 404, head });
}

/**
 * Per client IP, for every method (policy "unsubscribe" in server/http/rate-limit-policies.ts):
 * generous for a person or a mail provider's one-click POST, tight enough to make guessing tokens
 * pointless (they are HMACs anyway). 429 problem+json with Retry-After.
 */
export async function limitUnsubscribeRate(request: Request, limiter: RateLimiter = rateLimiterFor("unsubscribe")): Promise<Response | null> {
  const decision = await limiter.take(clientIpOf(request));
  return decision.allowed ? null : rateLimitResponse(decision.retryAfterSeconds);
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
// `List-Unsubscribe=One-Click` in multipart with a long boundary stays far below this.
const MAX_BODY_BYTES = 8 * 1024;

/**
 * Checks an RFC 8058 one-click body: `List-Unsubscribe=One-Click`, urlencoded or multipart (the
 * page's own button sends the same). No cookie, session, CSRF token or Origin is needed: the
 * signed token in the URL is the authorization, and all it can do is stop one list.
 */
export async function readOneClickBody(request: Request): Promise<{ ok: true } | { ok: false; response: Response }> {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(mediaType)) {
    return {
      ok: false,
      response: problemResponse({ status: 415, detail: "Send List-Unsubscribe=One-Click as application/x-www-form-urlencoded or multipart/form-data.", headers: { "Accept-Post": FORM_TYPES.join(", ") } }),
    };
  }
  let form: FormData;
  try {
    const body = await readBodyWithLimit(request, MAX_BODY_BYTES);
    form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": contentType } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, response: problemResponse({ status: 413, detail: `The body must not exceed ${MAX_BODY_BYTES} bytes.` }) };
    return { ok: false, response: problemResponse({ status: 400, detail: "The form body could not be read." }) };
  }
  if (form.get("List-Unsubscribe") !== "One-Click") {
    return { ok: false, response: problemResponse({ status: 400, detail: "The body must be List-Unsubscribe=One-Click (RFC 8058)." }) };
  }
  return { ok: true };
}

/** The member's saved language, else the browser's. */
export function unsubscribePageLocale(recipient: UnsubscribeLinkRecipient, request: Request): AppLocale {
  return isLocale(recipient.savedLocale) ? recipient.savedLocale : negotiateLocale(request.headers.get("accept-language"));
}

/** The consent text shown beside the button (verbatim, as everywhere a consent changes). */
export function unsubscribeConsentText(list: UnsubscribeList, action: ConsentAction, locale: AppLocale): string {
  const purpose =
    list.type === "product"
      ? "PRODUCT_ALERTS"
      : list.type === "category"
        ? "CATEGORY_ALERTS"
        : list.type === "thread"
          ? "THREAD_ALERTS"
          : list.type === "personal"
            ? "PERSONAL_NOTIFICATIONS"
            : "ALERT_EMAIL";
  return getConsentText(purpose, action, locale).body;
}

/** The member's signed preference-center link. */
export function preferenceCenterUrl(userId: string): string {
  return `${env().APP_URL}/preferences/${signPreferenceToken(userId)}`;
}
