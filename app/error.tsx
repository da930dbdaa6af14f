"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";

/**
 * Fallback for a page that failed to render. Never shows the error's message: in production it is
 * a generic text anyway, and in development it could expose internals in screenshots. The digest
 * is a hash that matches the server log line, safe to quote to support.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors.unexpected");
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="max-w-2xl">
      <title>{t("title")}</title>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("heading")}</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">{t("body")}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button onClick={() => retry()}>{t("retry")}</Button>
        <LinkButton href="/" variant="secondary">
          {t("home")}
        </LinkButton>
      </div>
      {digest && <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">{t("reference", { digest })}</p>}
    </div>
  );
}
