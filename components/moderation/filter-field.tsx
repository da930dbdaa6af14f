import type { InputHTMLAttributes } from "react";

export const FIELD_INPUT_CLASSES =
  "mt-1 block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700 dark:border-zinc-600 dark:bg-zinc-900 dark:aria-invalid:border-red-400";

/** A labelled input of a dashboard filter form (plain GET forms: they work without JavaScript). */
export function FilterField({ label, hint, id, ...input }: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint?: string }) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} className={FIELD_INPUT_CLASSES} {...input} />
    </div>
  );
}
