"use client";

import { useId } from "react";

type SwitchProps = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Visible label; clicking it toggles too. */
  label: string;
  /** A visible line under the label, read as the switch's description. */
  description?: string;
  disabled?: boolean;
};

/**
 * An on/off switch (a button with role="switch"), labelled by visible text. "On" is not shown by
 * colour alone: the knob moves to the right and the track fills.
 */
export function Switch({ checked, onChange, label, description, disabled }: SwitchProps) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={description ? `${id}-description` : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
        className={`relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${
          checked
            ? "border-brand-700 bg-brand-700 dark:border-brand-300 dark:bg-brand-300"
            : "border-zinc-500 bg-white dark:border-zinc-400 dark:bg-zinc-900"
        }`}
      >
        <span
          aria-hidden="true"
          className={`inline-block h-4 w-4 rounded-full transition-transform ${
            checked ? "translate-x-[1.35rem] bg-white dark:bg-zinc-950" : "translate-x-0.5 bg-zinc-600 dark:bg-zinc-300"
          }`}
        />
      </button>
      <span className="min-w-0">
        <label htmlFor={id} className="cursor-pointer font-medium">
          {label}
        </label>
        {description && (
          <span id={`${id}-description`} className="block text-sm text-zinc-600 dark:text-zinc-400">
            {description}
          </span>
        )}
      </span>
    </div>
  );
}
