import { getTranslations } from "next-intl/server";

/**
 * What a page shows instead of its content when its per-IP rate limit refused the request (pages
 * cannot answer 429 once rendering started; nothing behind the limit was read).
 */
export async function TooManyRequestsNotice({ retryAfterSeconds }: { retryAfterSeconds: number }) {
  const t = await getTranslations("errors.tooManyRequests");
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("heading")}</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">{t("body", { seconds: retryAfterSeconds })}</p>
    </div>
  );
}
