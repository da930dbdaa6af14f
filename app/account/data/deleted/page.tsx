import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { getCurrentUser } from "@/server/auth/get-current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dataRights");
  return { title: t("deleted.title"), robots: { index: false } };
}

/** Where "Delete my account" ends, already signed out. */
export default async function AccountDeletedPage() {
  // Someone signed in has not just deleted their account: this page would tell them otherwise.
  if (await getCurrentUser()) redirect("/account/data");
  const t = await getTranslations("dataRights");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-semibold">{t("deleted.title")}</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">{t("deleted.body")}</p>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("deleted.noMail")}</p>
      <LinkButton href="/" variant="secondary" className="mt-6">
        {t("deleted.home")}
      </LinkButton>
    </div>
  );
}
