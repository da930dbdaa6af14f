import { isAppError } from "@/server/errors/app-error";
import { getRequestId } from "@/server/http/get-request-id";
import { internalErrorResponse } from "@/server/http/internal-error-response";
import { methodNotAllowedResponse } from "@/server/http/method-not-allowed-response";
import { findUnsubscribeListName } from "@/server/notifications/find-unsubscribe-list-name";
import { renderUnsubscribePage } from "@/server/notifications/templates/render-unsubscribe-page";
import { unsubscribeFromList } from "@/server/notifications/unsubscribe-from-list";
import {
  htmlResponse,
  invalidLinkResponse,
  limitUnsubscribeRate,
  preferenceCenterUrl,
  readOneClickBody,
  unsubscribeConsentText,
  unsubscribePageLocale,
  UNSUBSCRIBE_ALLOWED_METHODS,
} from "@/server/notifications/unsubscribe-http";
import { verifyUnsubscribeToken } from "@/server/notifications/verify-unsubscribe-token";

/**
 * The List-Unsubscribe URL of every alert e-mail (RFC 8058, see docs/ARCHITECTURE.md).
 * - POST `List-Unsubscribe=One-Click` (urlencoded or multipart), as mail providers send it: stops
 *   that one list at once, with no cookie, session, CSRF token or Origin; 200 with a page, never a
 *   redirect; repeating it changes and records nothing more.
 * - GET / HEAD never change anything: a page with one button that sends that same POST.
 * Every invalid link gets the same 404; every method is rate-limited per IP.
 * (A route handler rather than page.tsx: one URL must answer both the page and the POST.)
 */

type Context = { params: Promise<{ token: string }> };

async function showPage(request: Request, { params }: Context, head: boolean): Promise<Response> {
  try {
    const limited = await limitUnsubscribeRate(request);
    if (limited) return limited;
    const { token } = await params;
    const recipient = await verifyUnsubscribeToken(token);
    if (!recipient) return invalidLinkResponse(head);
    const locale = unsubscribePageLocale(recipient, request);
    const html = renderUnsubscribePage({
      locale,
      listName: await findUnsubscribeListName(recipient.list, locale),
      path: `/unsubscribe/${token}`,
      preferenceUrl: preferenceCenterUrl(recipient.userId),
      state: { kind: "confirm", withdrawalText: unsubscribeConsentText(recipient.list, "WITHDRAWN", locale) },
    });
    return htmlResponse(html, { head });
  } catch (error) {
    return internalErrorResponse(error, "unsubscribe page");
  }
}

export async function GET(request: Request, context: Context): Promise<Response> {
  return showPage(request, context, false);
}

export async function HEAD(request: Request, context: Context): Promise<Response> {
  return showPage(request, context, true);
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  try {
    const limited = await limitUnsubscribeRate(request);
    if (limited) return limited;
    const { token } = await params;
    const recipient = await verifyUnsubscribeToken(token);
    if (!recipient) return invalidLinkResponse();
    const body = await readOneClickBody(request);
    if (!body.ok) return body.response;

    const locale = unsubscribePageLocale(recipient, request);
    try {
      await unsubscribeFromList({ userId: recipient.userId, list: recipient.list, locale, requestId: await getRequestId(request.headers) });
    } catch (error) {
      // The account was deleted since the token was checked: the same answer as any dead link.
      if (isAppError(error, "SIGN_IN_REQUIRED") || isAppError(error, "ACCOUNT_DELETED")) return invalidLinkResponse();
      throw error;
    }
    const html = renderUnsubscribePage({
      locale,
      listName: await findUnsubscribeListName(recipient.list, locale),
      path: `/unsubscribe/${token}`,
      preferenceUrl: preferenceCenterUrl(recipient.userId),
      state: { kind: "done", grantText: unsubscribeConsentText(recipient.list, "GRANTED", locale) },
    });
    return htmlResponse(html);
  } catch (error) {
    return internalErrorResponse(error, "one-click unsubscribe");
  }
}

export async function OPTIONS(): Promise<Response> {
  return new Response(null, { status: 204, headers: { Allow: [...UNSUBSCRIBE_ALLOWED_METHODS, "OPTIONS"].join(", ") } });
}

const notAllowed = async (): Promise<Response> => methodNotAllowedResponse(UNSUBSCRIBE_ALLOWED_METHODS);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
