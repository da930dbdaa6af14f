"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { TextLink } from "@/components/ui/text-link";
import { postPath } from "@/lib/discussions/discussion-paths";
import { RESYNC_EVENT, THREAD_EVENT, parseThreadActivityEvent, threadEventsPath } from "@/lib/discussions/thread-activity";

type LiveThreadUpdatesProps = {
  threadId: string;
  threadSlug: string;
  /** The thread's lastActivityAt as rendered: a reply posted before the stream opened is not missed. */
  lastActivityAt: Date;
};

// A burst of replies costs one re-render of the page, not one each.
const REFRESH_THROTTLE_MS = 1_500;
// A tab hidden this long lets go of its connection; it catches up when shown again.
const HIDDEN_CLOSE_AFTER_MS = 5 * 60_000;

/**
 * Keeps a thread page current while it is read: listens to the thread's server-sent events and
 * re-renders the page's server components in place (router.refresh), which keeps every client
 * state — a half-typed reply, an open "Reply" disclosure, focus. A new reply is announced
 * politely with a link to it (it may be on another page of the thread). Renders only that
 * announcement; hidden tabs defer their refresh until they are shown again.
 */
export function LiveThreadUpdates({ threadId, threadSlug, lastActivityAt }: LiveThreadUpdatesProps) {
  const t = useTranslations("discussions.live");
  const router = useRouter();
  const [news, setNews] = useState<{ postId: string; count: number } | null>(null);
  // Read when (re)connecting, without restarting the connection each time the page re-renders.
  const since = useRef(lastActivityAt.getTime());
  since.current = lastActivityAt.getTime();

  useEffect(() => {
    let source: EventSource | null = null;
    let refreshTimer: ReturnType<typeof setTimeout> | null = null;
    let closeTimer: ReturnType<typeof setTimeout> | null = null;
    let lastRefreshAt = 0;
    let refreshWhenShown = false;
    let reconnecting = false;

    function refreshSoon() {
      if (document.hidden) {
        refreshWhenShown = true;
        return;
      }
      if (refreshTimer) return;
      const wait = Math.max(0, lastRefreshAt + REFRESH_THROTTLE_MS - Date.now());
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        lastRefreshAt = Date.now();
        router.refresh();
      }, wait);
    }

    function open() {
      if (source) return;
      const next = new EventSource(threadEventsPath(threadId, since.current));
      next.addEventListener(THREAD_EVENT, (message) => {
        const event = parseThreadActivityEvent((message as MessageEvent<string>).data);
        if (!event) return;
        // Our own reply is already on the page (the reply action re-rendered it): nothing to announce.
        if (event.kind === "reply" && !document.getElementById(`post-${event.postId}`)) {
          setNews((previous) => ({ postId: event.postId, count: (previous?.count ?? 0) + 1 }));
        }
        refreshSoon();
      });
      next.addEventListener(RESYNC_EVENT, refreshSoon);
      // EventSource reconnects by itself; whatever happened while it was away is re-read once.
      next.addEventListener("error", () => {
        reconnecting = true;
      });
      next.addEventListener("open", () => {
        if (!reconnecting) return;
        reconnecting = false;
        refreshSoon();
      });
      source = next;
    }

    function close() {
      source?.close();
      source = null;
      reconnecting = false;
    }

    function onVisibilityChange() {
      if (document.hidden) {
        closeTimer ??= setTimeout(() => {
          closeTimer = null;
          close();
          // Events sent while disconnected are lost: catch up when shown again.
          refreshWhenShown = true;
        }, HIDDEN_CLOSE_AFTER_MS);
        return;
      }
      if (closeTimer) clearTimeout(closeTimer);
      closeTimer = null;
      open();
      if (refreshWhenShown) {
        refreshWhenShown = false;
        refreshSoon();
      }
    }

    open();
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      document.removeEventListener("visibilitychange", onVisibilityChange);
      if (refreshTimer) clearTimeout(refreshTimer);
      if (closeTimer) clearTimeout(closeTimer);
      close();
    };
  }, [threadId, router]);

  return (
    // Always in the page (never display:none), so what appears in it is announced.
    <div role="status" aria-live="polite">
      {news && (
        <p className="mt-4 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm break-words text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
          {t("newReplies", { count: news.count })}{" "}
          <TextLink href={postPath(threadId, threadSlug, news.postId)} onClick={() => setNews(null)}>
            {t(news.count > 1 ? "showLatest" : "showReply")}
          </TextLink>
        </p>
      )}
    </div>
  );
}
