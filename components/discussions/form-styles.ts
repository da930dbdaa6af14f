export const fieldClasses =
  "mt-1 block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700 dark:border-zinc-600 dark:bg-zinc-900 dark:aria-invalid:border-red-400";
export const fieldErrorClasses = "mt-1 text-sm font-medium text-red-700 empty:hidden dark:text-red-400";
export const hintClasses = "text-sm text-zinc-600 dark:text-zinc-400";
export const formErrorClasses = "rounded-md bg-red-50 p-3 text-sm text-red-800 empty:hidden dark:bg-red-950 dark:text-red-200";
