import { getTranslations } from "next-intl/server";
import { Container } from "@/components/ui/container";

export async function SiteFooter({ shopName }: { shopName: string }) {
  const t = await getTranslations("shell.footer");
  return (
    <footer className="mt-12 border-t border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <Container className="space-y-1 py-6 text-sm text-zinc-700 dark:text-zinc-300">
        <p>{t("runBy", { shop: shopName })}</p>
        <p>{t("privacyPromise")}</p>
      </Container>
    </footer>
  );
}
