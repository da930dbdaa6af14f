import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountSettingsForm } from "@/components/auth/account-settings-form";
import { requireUser } from "@/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("account.title"), robots: { index: false } };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-semibold">{t("account.title")}</h1>
      <dl className="mt-6">
        <dt className="font-medium">{t("account.emailLabel")}</dt>
        <dd className="mt-1 break-all">{user.email}</dd>
        <dd className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("account.emailNote")}</dd>
      </dl>
      <AccountSettingsForm displayName={user.displayName} locale={user.locale} />
    </div>
  );
}
