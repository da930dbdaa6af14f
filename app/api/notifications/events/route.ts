import { UNREAD_EVENT } from "@/lib/notifications/notification-vocabulary";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { internalErrorResponse } from "@/server/http/internal-error-response";
import { methodNotAllowedResponse } from "@/server/http/method-not-allowed-response";
import { problemResponse } from "@/server/http/problem-response";
import { EVENT_STREAM_HEADERS, eventStreamResponse } from "@/server/live/event-stream-response";
import { countUnreadNotifications } from "@/server/notifications/count-unread-notifications";
import { watchUnreadCount } from "@/server/notifications/watch-unread-count";

/**
 * The signed-in person's unread notification count as server-sent events (`unread`: { unread }):
 * once on connect (closing the gap between the page's render and the stream's start), then
 * whenever a notification for them arrives or they read some elsewhere. Nobody else's counts
 * ever go down this stream; signed out it is a 401 problem.
 */

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS"] as const;

const signedOut = () => problemResponse({ status: 401, detail: "Sign in to receive your notifications." });

export async function GET(request: Request): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) return signedOut();
    return await eventStreamResponse({
      signal: request.signal,
      start: async (send) => {
        let last = -1;
        const sendUnread = (unread: number) => {
          if (unread === last) return;
          last = unread;
          send(UNREAD_EVENT, { unread });
        };
        // Watch first, then count: a notification arriving in between is not missed.
        const stop = await watchUnreadCount(user.id, sendUnread);
        try {
          sendUnread(await countUnreadNotifications(user.id));
        } catch (error) {
          stop();
          throw error;
        }
        return stop;
      },
    });
  } catch (error) {
    return internalErrorResponse(error, "notification events");
  }
}

/** Without it Next would run GET for HEAD and open a subscription nobody reads. */
export async function HEAD(): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) return signedOut();
    return new Response(null, { status: 200, headers: EVENT_STREAM_HEADERS });
  } catch (error) {
    return internalErrorResponse(error, "notification events");
  }
}

export async function OPTIONS(): Promise<Response> {
  return new Response(null, { status: 204, headers: { Allow: ALLOWED_METHODS.join(", ") } });
}

const notAllowed = async (): Promise<Response> => methodNotAllowedResponse(ALLOWED_METHODS);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
