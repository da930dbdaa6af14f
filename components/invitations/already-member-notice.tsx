import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";

/** What an invitation shows once the person has joined: nothing left to choose. */
export async function AlreadyMemberNotice({ shopName }: { shopName: string }) {
  const t = await getTranslations("invitation.member");
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("heading")}</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">{t("body", { shop: shopName })}</p>
      <LinkButton href="/" variant="secondary" className="mt-6">
        {t("home")}
      </LinkButton>
    </div>
  );
}
