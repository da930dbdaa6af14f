import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { TextLink } from "@/components/ui/text-link";
import { SIGN_IN_LINK_VALID_MINUTES } from "@/server/auth/send-sign-in-link";
import { isDevMailboxEnabled } from "@/server/mail/is-dev-mailbox-enabled";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("checkEmail.title") };
}

export default async function CheckEmailPage() {
  // Whether the dev mailbox exists depends on the runtime environment, not the build.
  await connection();
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-semibold">{t("checkEmail.title")}</h1>
      <p className="mt-4">{t("checkEmail.body")}</p>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("checkEmail.validity", { minutes: SIGN_IN_LINK_VALID_MINUTES })}</p>
      {isDevMailboxEnabled() && (
        <div className="mt-6 rounded-lg border border-dashed border-amber-500 p-4 dark:border-amber-400">
          <p className="text-sm">{t("checkEmail.devMailbox")}</p>
          <LinkButton href="/dev/mailbox" className="mt-3">
            {t("checkEmail.openDevMailbox")}
          </LinkButton>
        </div>
      )}
      <p className="mt-6">
        <TextLink href="/signin">{t("checkEmail.tryAgain")}</TextLink>
      </p>
    </div>
  );
}
