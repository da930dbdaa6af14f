"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Links to sign-in carrying the current page, so the person comes back here afterwards. */
export function SignInLink({ label }: { label: string }) {
  const pathname = usePathname();
  const returnHere = pathname && pathname !== "/" && !pathname.startsWith("/signin");
  const href = returnHere ? `/signin?callbackUrl=${encodeURIComponent(pathname)}` : "/signin";
  return (
    <Link
      href={href}
      className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 dark:bg-brand-400 dark:text-zinc-950 dark:hover:bg-brand-300"
    >
      {label}
    </Link>
  );
}
