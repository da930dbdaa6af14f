"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type ModerationNavItem = { href: string; label: string };

const LINK =
  "block rounded-md px-3 py-2 text-sm font-medium text-zinc-700 underline-offset-4 hover:bg-zinc-100 hover:text-zinc-950 hover:underline aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-brand-200";

/** The dashboard's sections (only those the person may open); the current one is marked for assistive technology. */
export function ModerationNav({ label, items }: { label: string; items: ModerationNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {items.map((item) => {
          const current = item.href === "/moderation" ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? "page" : undefined} className={LINK}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
