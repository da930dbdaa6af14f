"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { NOTIFICATION_EVENTS_PATH, NOTIFICATIONS_PATH, UNREAD_EVENT, parseUnreadEvent } from "@/lib/notifications/notification-vocabulary";
import { useUnreadCount } from "./use-unread-count";

// A tab hidden this long lets go of its connection; the stream sends the count again on reconnect.
const HIDDEN_CLOSE_AFTER_MS = 5 * 60_000;

/**
 * The header's bell: a link to /notifications named "Notifications, 3 unread", with the count as a
 * badge. The count follows the person's server-sent event stream, so a notification arriving on
 * any page raises it without a reload, and it is announced politely.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations("notifications.bell");
  const pathname = usePathname();
  const { unread, setUnread, getUnread } = useUnreadCount(initialUnread);
  const [announcement, setAnnouncement] = useState("");
  // The handlers below live as long as the connection: they read the latest functions through a ref.
  const latest = useRef({ setUnread, getUnread, t });
  latest.current = { setUnread, getUnread, t };

  useEffect(() => {
    let source: EventSource | null = null;
    let closeTimer: ReturnType<typeof setTimeout> | null = null;

    function open() {
      if (source) return;
      const next = new EventSource(NOTIFICATION_EVENTS_PATH);
      next.addEventListener(UNREAD_EVENT, (message) => {
        const event = parseUnreadEvent((message as MessageEvent<string>).data);
        if (!event) return;
        const before = latest.current.getUnread();
        latest.current.setUnread(event.unread);
        if (before !== undefined && event.unread > before) setAnnouncement(latest.current.t("arrived", { count: event.unread }));
      });
      source = next;
    }

    function close() {
      source?.close();
      source = null;
    }

    function onVisibilityChange() {
      if (document.hidden) {
        closeTimer ??= setTimeout(() => {
          closeTimer = null;
          close();
        }, HIDDEN_CLOSE_AFTER_MS);
        return;
      }
      if (closeTimer) clearTimeout(closeTimer);
      closeTimer = null;
      open();
    }

    open();
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      document.removeEventListener("visibilitychange", onVisibilityChange);
      if (closeTimer) clearTimeout(closeTimer);
      close();
    };
  }, []);

  const current = pathname === NOTIFICATIONS_PATH;
  return (
    <>
      <Link
        href={NOTIFICATIONS_PATH}
        aria-label={t("label", { count: unread })}
        aria-current={current ? "page" : undefined}
        data-testid="notification-bell"
        className="relative inline-flex min-h-10 min-w-10 items-center justify-center gap-1 rounded-md px-2 text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs leading-5 font-semibold text-white tabular-nums dark:bg-red-400 dark:text-zinc-950"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </Link>
      {/* Always in the page, so what appears in it is announced. */}
      <span role="status" aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
