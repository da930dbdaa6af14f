import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UserMenu } from "@/components/auth/user-menu";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { NotificationBellSlot } from "@/components/notifications/notification-bell-slot";
import { Container } from "@/components/ui/container";
import { CATALOG_PATH } from "@/lib/catalog/catalog-paths";
import { hasPermission } from "@/lib/moderation/permissions";
import { getCurrentUser } from "@/server/auth/get-current-user";

const NAV_LINK =
  "rounded-md px-1 py-1 text-sm font-medium text-zinc-700 underline-offset-4 hover:text-zinc-950 hover:underline dark:text-zinc-300 dark:hover:text-white";

/**
 * Brand, main navigation, language and account. No menu toggle: on narrow screens the items
 * wrap onto a second row, which keeps the header usable without client JavaScript.
 */
export async function SiteHeader() {
  const t = await getTranslations("shell");
  const tCommon = await getTranslations("common");
  const tModeration = await getTranslations("moderation");
  const user = await getCurrentUser();
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <Container className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
        <Link
          href="/"
          aria-label={t("homeLink")}
          className="rounded-md text-lg font-bold tracking-tight text-brand-700 dark:text-brand-300"
        >
          {tCommon("appName")}
        </Link>
        <nav aria-label={t("mainNav.label")}>
          <ul className="flex items-center gap-3">
            <li>
              <Link href={CATALOG_PATH} className={NAV_LINK}>
                {t("mainNav.catalog")}
              </Link>
            </li>
            <li>
              <Link href="/search" className={NAV_LINK}>
                {t("mainNav.search")}
              </Link>
            </li>
            {hasPermission(user?.role, "moderation.access") && (
              <li>
                <Link href="/moderation" className={NAV_LINK}>
                  {tModeration("nav.headerLink")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <div className="ms-auto flex min-w-0 flex-wrap items-center justify-end gap-2">
          <LocaleSwitch />
          <NotificationBellSlot />
          <UserMenu />
        </div>
      </Container>
    </header>
  );
}
