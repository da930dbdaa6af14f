import { useTranslations } from "next-intl";

/** "Solved" pill: a check mark plus text, so it never relies on colour alone. */
export function SolvedBadge() {
  const t = useTranslations("discussions.read");
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100">
      <span aria-hidden="true">✓</span>
      {t("solved")}
    </span>
  );
}
