"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { TITLE_MAX_LENGTH } from "@/lib/discussions/post-limits";
import { SIMILAR_QUESTIONS_MIN_TITLE, similarQuestionsUrl, type SimilarQuestionsResponse } from "@/lib/discussions/similar-questions-query";

const DEBOUNCE_MS = 300;

function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

async function fetchSimilarQuestions(title: string, productId: string, signal: AbortSignal): Promise<SimilarQuestionsResponse> {
  const response = await fetch(similarQuestionsUrl(title, productId), { signal, headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`similar questions: HTTP ${response.status}`);
  return (await response.json()) as SimilarQuestionsResponse;
}

/**
 * Existing questions like the one being typed, under the ask form's title field. Fetches only
 * once typing pauses, never takes focus, and announces changes politely.
 */
export function SimilarQuestions({ productId, title }: { productId: string; title: string }) {
  const t = useTranslations("discussions.search.similar");
  const trimmed = useDebouncedValue(title.trim(), DEBOUNCE_MS);
  const enabled = trimmed.length >= SIMILAR_QUESTIONS_MIN_TITLE && trimmed.length <= TITLE_MAX_LENGTH;
  const { data, isError, isFetching } = useQuery({
    queryKey: ["similar-questions", productId, trimmed],
    queryFn: ({ signal }) => fetchSimilarQuestions(trimmed, productId, signal),
    enabled,
    // Keep showing the last suggestions while the next ones load, so the list doesn't flicker.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const questions = enabled ? (data?.questions ?? []) : [];
  // The live region stays in the page while the title is short: a region that appears together
  // with its content is often not announced.
  return (
    <div aria-live="polite" className="mt-3 text-sm">
      {enabled && (
        <section aria-labelledby="similar-questions-heading" className="rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
          <h2 id="similar-questions-heading" className="font-semibold">
            {t("heading")}
          </h2>
          {isError ? (
            <p className="mt-1 text-zinc-700 dark:text-zinc-300">{t("failed")}</p>
          ) : questions.length > 0 ? (
            <>
              <p className="mt-1 text-zinc-600 dark:text-zinc-400">{t("hint")}</p>
              <ul className="mt-2 space-y-2">
                {questions.map((question) => (
                  <li key={question.id} className="break-words">
                    <a href={question.url} target="_blank" rel="noopener" className="text-brand-700 underline underline-offset-4 dark:text-brand-300">
                      {question.title}
                    </a>{" "}
                    {question.solved && (
                      <span className="ml-1 rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-900 dark:bg-green-900 dark:text-green-100">{t("solved")}</span>
                    )}{" "}
                    <span className="text-zinc-600 dark:text-zinc-400">{t("inProduct", { product: question.productName })}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : isFetching || !data ? (
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">{t("loading")}</p>
          ) : (
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">{t("none")}</p>
          )}
        </section>
      )}
    </div>
  );
}
