import { getRequestId } from "@/server/http/get-request-id";
import { internalErrorResponse } from "@/server/http/internal-error-response";
import { methodNotAllowedResponse } from "@/server/http/method-not-allowed-response";
import { findUnsubscribeListName } from "@/server/notifications/find-unsubscribe-list-name";
import { renderUnsubscribePage } from "@/server/notifications/templates/render-unsubscribe-page";
import { undoUnsubscribeFromList } from "@/server/notifications/undo-unsubscribe-from-list";
import {
  htmlResponse,
  invalidLinkResponse,
  limitUnsubscribeRate,
  preferenceCenterUrl,
  readOneClickBody,
  unsubscribePageLocale,
} from "@/server/notifications/unsubscribe-http";
import { verifyUnsubscribeToken } from "@/server/notifications/verify-unsubscribe-token";

/**
 * The "undo" button on the page shown after a one-click unsubscribe: POST (same body as the
 * unsubscribe) turns that list's e-mail back on, if it is still the undo of that unsubscribe
 * (see undoUnsubscribeFromList). 200 with a page either way; invalid links get the same 404.
 */

type Context = { params: Promise<{ token: string }> };

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
    const result = await undoUnsubscribeFromList({ userId: recipient.userId, list: recipient.list, locale, requestId: await getRequestId(request.headers) });
    const html = renderUnsubscribePage({
      locale,
      listName: await findUnsubscribeListName(recipient.list, locale),
      path: `/unsubscribe/${token}`,
      preferenceUrl: preferenceCenterUrl(recipient.userId),
      state: { kind: result.outcome === "restored" ? "undone" : "undoUnavailable" },
    });
    return htmlResponse(html);
  } catch (error) {
    return internalErrorResponse(error, "undo one-click unsubscribe");
  }
}

export async function OPTIONS(): Promise<Response> {
  return new Response(null, { status: 204, headers: { Allow: "POST, OPTIONS" } });
}

const notAllowed = async (): Promise<Response> => methodNotAllowedResponse(["POST"]);
export { notAllowed as GET, notAllowed as HEAD, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
