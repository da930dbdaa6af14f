"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { markNotificationReadAction } from "@/app/notifications/actions";
import { Button } from "@/components/ui/button";
import { postPath, threadPath } from "@/lib/discussions/discussion-paths";
import type { NotificationItem } from "@/lib/notifications/notification-vocabulary";
import { useUnreadCount } from "./use-unread-count";

/** The page of notifications: unread ones carry an "Unread" label and bold text, not colour alone. */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const t = useTranslations("notifications");
  return (
    <ul aria-label={t("listLabel")} className="mt-6 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {items.map((item) => (
        <NotificationRow key={item.id} item={item} />
      ))}
    </ul>
  );
}

function NotificationRow({ item }: { item: NotificationItem }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const { setUnread } = useUnreadCount();
  // Read at once on click; the server's answer (and the page's revalidation) follow.
  const [readHere, setReadHere] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const read = item.read || readHere;

  async function markRead(options: { focusLink: boolean }) {
    setError(null);
    setReadHere(true);
    const result = await markNotificationReadAction({ notificationId: item.id }).catch(() => null);
    if (result?.ok && result.data) {
      setUnread(result.data.unread);
      if (options.focusLink) link.current?.focus();
      return;
    }
    setReadHere(false);
    setError(result && !result.ok ? (result.formError ?? t("errors.unexpected")) : t("errors.unexpected"));
  }

  const headline = item.notice ? t(`notice.${item.notice.kind}`) : t(`headline.${item.reason}`, { actor: item.actorName ?? t("someone"), kind: item.kind ?? "" });
  const threadTitle = item.threadTitle ?? "";
  const label = item.threadTitle ?? headline;
  return (
    <li
      data-testid="notification"
      data-read={read ? "true" : "false"}
      className={`flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between ${read ? "" : "border-s-4 border-s-brand-600 bg-brand-50 dark:border-s-brand-300 dark:bg-zinc-900"}`}
    >
      <div className="min-w-0">
        <p className={`break-words ${read ? "text-zinc-700 dark:text-zinc-300" : "font-semibold text-zinc-950 dark:text-white"}`}>
          {!read && (
            <span className="me-2 inline-block rounded-full border border-brand-700 px-2 text-xs font-semibold tracking-wide text-brand-800 uppercase dark:border-brand-300 dark:text-brand-200">
              {t("unreadBadge")}
            </span>
          )}
          {headline}
        </p>
        {item.notice && item.notice.reason && <p className="mt-1 break-words text-zinc-800 dark:text-zinc-200">{t("noticeReason", { reason: item.notice.reason })}</p>}
        {item.threadId && item.threadSlug && (
          <p className="mt-1 break-words">
            {item.threadDeleted ? (
              <span className="text-zinc-700 dark:text-zinc-300">{t("threadDeleted", { title: threadTitle })}</span>
            ) : (
              <Link
                ref={link}
                href={item.postId ? postPath(item.threadId, item.threadSlug, item.postId) : threadPath(item.threadId, item.threadSlug)}
                onClick={() => {
                  if (!read) void markRead({ focusLink: false });
                }}
                className="font-medium text-brand-700 underline decoration-1 underline-offset-4 hover:decoration-2 dark:text-brand-300"
              >
                {threadTitle}
              </Link>
            )}
          </p>
        )}
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {item.productName && <>{t("product", { name: item.productName })} · </>}
          <time dateTime={item.createdAt.toISOString()}>{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
        </p>
        <p aria-live="polite" className="text-sm font-medium text-red-700 empty:hidden dark:text-red-400">
          {error}
        </p>
      </div>
      {!read && (
        <Button variant="secondary" className="shrink-0 self-start" onClick={() => void markRead({ focusLink: true })}>
          {t("markRead")}
          <span className="sr-only">: {label}</span>
        </Button>
      )}
    </li>
  );
}
