import { useTranslations } from "next-intl";

// The syntax column is code the author types, identical in every language.
const ROWS = [
  ["bold", "**bold**"],
  ["italic", "*italic*"],
  ["code", "`code`"],
  ["codeBlock", "```\ncode\n```"],
  ["list", "- item"],
  ["quote", "> quote"],
  ["link", "[text](https://…)"],
  ["mention", "@AliceMorgan"],
] as const;

/**
 * What Markdown a post accepts (see docs/discussions-markdown.md), folded under a summary so it
 * costs nothing until asked for. Works in server and client components.
 */
export function FormattingHelp() {
  const t = useTranslations("discussions.markdown.help");
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700 underline decoration-1 underline-offset-4 dark:text-brand-300">{t("summary")}</summary>
      <table className="mt-2 w-full max-w-xl border-collapse text-left">
        <thead>
          <tr className="border-b border-zinc-300 dark:border-zinc-700">
            <th scope="col" className="py-1 pr-3 font-semibold">
              {t("syntaxColumn")}
            </th>
            <th scope="col" className="py-1 font-semibold">
              {t("resultColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([key, syntax]) => (
            <tr key={key} className="border-b border-zinc-200 align-top dark:border-zinc-800">
              <td className="py-1 pr-3">
                <code className="font-mono whitespace-pre text-zinc-800 dark:text-zinc-200">{syntax}</code>
              </td>
              <td className="py-1 text-zinc-700 dark:text-zinc-300">{t(`rows.${key}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">{t("notSupported")}</p>
    </details>
  );
}
