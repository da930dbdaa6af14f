"use client";

import type { ButtonHTMLAttributes } from "react";

type PreferenceSwitchProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "role" | "onClick" | "onChange"> & {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The accessible name when no visible <label> points at the switch (e.g. a table cell). */
  label?: string;
  /** What the switch controls, for tests and styling: "inApp", "email", "paused". */
  channel: string;
};

/**
 * An on/off switch (a button with role="switch", Space and Enter toggle it). "On" is not shown by
 * colour alone: the knob moves right, the track fills and a check mark appears.
 */
export function PreferenceSwitch({ checked, onChange, label, channel, className = "", ...props }: PreferenceSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      data-channel={channel}
      onClick={() => onChange(!checked)}
      className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full border-2 transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${
        checked ? "border-brand-700 bg-brand-700 dark:border-brand-300 dark:bg-brand-300" : "border-zinc-500 bg-white dark:border-zinc-400 dark:bg-zinc-900"
      } ${className}`}
      {...props}
    >
      <span
        aria-hidden="true"
        className={`inline-flex h-5 w-5 items-center justify-center rounded-full text-[0.7rem] font-bold transition-transform ${
          checked ? "translate-x-[1.35rem] bg-white text-brand-700 dark:bg-zinc-950 dark:text-brand-300" : "translate-x-0.5 bg-zinc-600 dark:bg-zinc-300"
        }`}
      >
        {checked ? "✓" : ""}
      </span>
    </button>
  );
}
