import type { ReactNode } from "react";

/** A confirmation shown after a redirect (e.g. "You left the community"). */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="mt-4 rounded-md border border-green-700/30 bg-green-50 p-3 text-sm font-medium text-green-900 dark:border-green-400/30 dark:bg-green-950 dark:text-green-100">
      {children}
    </p>
  );
}
