import Link from "next/link";
import { useTranslations } from "next-intl";

export type Crumb = { label: string; href: string };

/**
 * "Home › … › current page". The home crumb is added here; pass the ancestors as `trail` and the
 * current page's name as `current` (shown, not linked, marked aria-current).
 */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  const t = useTranslations("common.breadcrumbs");
  const crumbs: Crumb[] = [{ label: t("home"), href: "/" }, ...trail];
  return (
    <nav aria-label={t("label")} className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {crumbs.map((crumb) => (
          <li key={crumb.href} className="flex items-center gap-2">
            <Link href={crumb.href} className="underline-offset-4 hover:underline">
              {crumb.label}
            </Link>
            <span aria-hidden="true">›</span>
          </li>
        ))}
        <li aria-current="page" className="min-w-0 break-words font-medium text-zinc-900 dark:text-zinc-100">
          {current}
        </li>
      </ol>
    </nav>
  );
}
