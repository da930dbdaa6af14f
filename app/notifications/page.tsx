import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { Pagination } from "@/components/ui/pagination";
import { TextLink } from "@/components/ui/text-link";
import { NOTIFICATIONS_PATH, notificationsPagePath } from "@/lib/notifications/notification-vocabulary";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { requireUser } from "@/server/auth/require-user";
import { listNotifications } from "@/server/notifications/list-notifications";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title"), robots: { index: false } };
}

const HEADING_ID = "notifications-heading";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await connection();
  const user = await requireUser(NOTIFICATIONS_PATH);
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();
  const notifications = await listNotifications(user.id, page);
  if (!isPageInRange(page, notifications.pageCount)) notFound();
  const t = await getTranslations("notifications");

  return (
    <div className="mx-auto max-w-2xl">
      <h1 id={HEADING_ID} tabIndex={-1} className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">
        {t("intro")} <TextLink href="/account/preferences">{t("preferencesLink")}</TextLink>
      </p>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("count", { total: notifications.total, unread: notifications.unread })}</p>
        <MarkAllReadButton unread={notifications.unread} headingId={HEADING_ID} />
      </div>
      {notifications.items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">{t("empty")}</p>
      ) : (
        <NotificationList items={notifications.items} />
      )}
      <Pagination page={notifications.page} pageCount={notifications.pageCount} hrefForPage={notificationsPagePath} />
    </div>
  );
}
