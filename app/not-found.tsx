import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { CATALOG_PATH } from "@/lib/catalog/catalog-paths";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errors.notFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations("errors.notFound");
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("heading")}</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">{t("body")}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <LinkButton href="/">{t("home")}</LinkButton>
        <LinkButton href={CATALOG_PATH} variant="secondary">
          {t("catalog")}
        </LinkButton>
      </div>
    </div>
  );
}
