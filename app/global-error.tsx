"use client";

import { useSyncExternalStore } from "react";
import en from "@/messages/en/errors.json";
import fr from "@/messages/fr/errors.json";
import { negotiateLocale, type AppLocale } from "@/lib/i18n/locales";
import "./globals.css";

// This replaces the root layout, so there is no next-intl provider: the two catalogs are bundled
// here and the language follows the browser (the server render falls back to English).
const MESSAGES: Record<AppLocale, typeof en> = { en, fr };

const browserLocale = () => negotiateLocale(navigator.languages.join(","));
const serverLocale = (): AppLocale => "en";
const noSubscription = () => () => {};

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(noSubscription, browserLocale, serverLocale);
  const t = MESSAGES[locale].unexpected;
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <title>{t.title}</title>
        <main className="mx-auto max-w-2xl px-4 py-12">
          <h1 className="text-2xl font-bold tracking-tight">{t.heading}</h1>
          <p className="mt-3 text-zinc-700 dark:text-zinc-300">{t.body}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            <button
              type="button"
              onClick={() => retry()}
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 dark:bg-brand-400 dark:text-zinc-950"
            >
              {t.retry}
            </button>
            {/* A full page load: the client router may be what failed. */}
            <a href="/" className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium dark:border-zinc-600">
              {t.home}
            </a>
          </div>
          {digest && <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">{t.reference.replace("{digest}", digest)}</p>}
        </main>
      </body>
    </html>
  );
}
