import { RESYNC_EVENT, THREAD_EVENT } from "@/lib/discussions/thread-activity";
import { getThread } from "@/server/discussions/get-thread";
import { subscribeThreadActivity } from "@/server/discussions/subscribe-thread-activity";
import { internalErrorResponse } from "@/server/http/internal-error-response";
import { methodNotAllowedResponse } from "@/server/http/method-not-allowed-response";
import { problemResponse } from "@/server/http/problem-response";
import { EVENT_STREAM_HEADERS, eventStreamResponse } from "@/server/live/event-stream-response";

/**
 * Live activity of one thread as server-sent events (`thread`: { postId, kind }; `resync`), for
 * anyone who can read the thread — reading is public. Lives under /api (not under the page's
 * /t/[id]/[slug]) because it is a machine endpoint like the others: addressed by id alone (the
 * slug is cosmetic), problem+json errors, kept out of crawlers by robots.txt.
 */

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS"] as const;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const thread = await getThread(id);
    if (!thread) return problemResponse({ status: 404, detail: "There is no such thread." });
    const since = Number(new URL(request.url).searchParams.get("since"));
    return await eventStreamResponse({
      signal: request.signal,
      start: async (send) => {
        const unsubscribe = await subscribeThreadActivity(thread.id, {
          onActivity: (event) => send(THREAD_EVENT, event),
          onResync: () => send(RESYNC_EVENT, {}),
        });
        // Something happened after the page the browser shows was rendered: it re-reads once.
        if (Number.isFinite(since) && since > 0 && thread.lastActivityAt.getTime() > since) send(RESYNC_EVENT, {});
        return unsubscribe;
      },
    });
  } catch (error) {
    return internalErrorResponse(error, "thread events");
  }
}

/** Without it Next would run GET for HEAD and open a subscription nobody reads. */
export async function HEAD(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const thread = await getThread(id);
    if (!thread) return problemResponse({ status: 404, detail: "There is no such thread." });
    return new Response(null, { status: 200, headers: EVENT_STREAM_HEADERS });
  } catch (error) {
    return internalErrorResponse(error, "thread events");
  }
}

export async function OPTIONS(): Promise<Response> {
  return new Response(null, { status: 204, headers: { Allow: ALLOWED_METHODS.join(", ") } });
}

const notAllowed = async (): Promise<Response> => methodNotAllowedResponse(ALLOWED_METHODS);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
