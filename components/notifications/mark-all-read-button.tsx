"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { markAllNotificationsReadAction } from "@/app/notifications/actions";
import { Button } from "@/components/ui/button";
import { useUnreadCount } from "./use-unread-count";

/**
 * "Mark all read", shown while something is unread. Its result is announced in a status region that
 * stays in the page, and focus moves to the page's heading (the button itself goes away).
 */
export function MarkAllReadButton({ unread, headingId }: { unread: number; headingId: string }) {
  const t = useTranslations("notifications");
  const { setUnread } = useUnreadCount();
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function markAll() {
    setMessage(null);
    startTransition(async () => {
      const result = await markAllNotificationsReadAction().catch(() => null);
      if (result?.ok && result.data) {
        setUnread(result.data.unread);
        setMessage({ text: t("markedAllRead"), failed: false });
        document.getElementById(headingId)?.focus();
      } else {
        setMessage({ text: result && !result.ok ? (result.formError ?? t("errors.unexpected")) : t("errors.unexpected"), failed: true });
      }
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {unread > 0 && (
        <Button variant="secondary" onClick={markAll} disabled={pending}>
          {t("markAllRead")}
        </Button>
      )}
      <p role="status" className={`text-sm font-medium empty:hidden ${message?.failed ? "text-red-700 dark:text-red-400" : "text-zinc-700 dark:text-zinc-300"}`}>
        {message?.text}
      </p>
    </div>
  );
}
