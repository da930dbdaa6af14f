import type { ReactNode } from "react";

/** One titled section of the preference center. */
export function PreferenceSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10 border-t border-zinc-200 pt-8 dark:border-zinc-800">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
