import Link from "next/link";
import type { ComponentProps } from "react";

/** An inline link, underlined so it is recognisable without relying on colour. */
export function TextLink({ className = "", ...props }: ComponentProps<typeof Link>) {
  return (
    <Link
      className={`font-medium text-brand-700 underline decoration-1 underline-offset-4 hover:decoration-2 dark:text-brand-300 ${className}`}
      {...props}
    />
  );
}
