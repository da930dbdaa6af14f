"use client";

import { useActionState } from "react";
import { chooseLocaleAction } from "@/app/account/actions";
import type { AppLocale } from "@/lib/i18n/locales";

interface LocaleSwitchFormProps {
  current: AppLocale;
  label: string;
  options: { locale: AppLocale; name: string }[];
}

/** One submit button per language: works as a plain form before (or without) JavaScript. */
export function LocaleSwitchForm({ current, label, options }: LocaleSwitchFormProps) {
  const [state, action, pending] = useActionState(chooseLocaleAction, null);
  const error = state && !state.ok ? (state.formError ?? Object.values(state.fieldErrors ?? {}).flat()[0]) : undefined;
  return (
    <form action={action} className="flex items-center">
      <div role="group" aria-label={label} className="flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
        {options.map(({ locale, name }) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            disabled={pending}
            className="rounded px-2 py-0.5 text-sm text-zinc-700 hover:bg-zinc-100 aria-pressed:bg-zinc-900 aria-pressed:text-white disabled:opacity-60 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
          >
            {name}
          </button>
        ))}
      </div>
      <p role="status" className="ms-2 text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
    </form>
  );
}
