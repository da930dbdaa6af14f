import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DeleteAccountForm } from "@/components/data-rights/delete-account-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { buttonClasses } from "@/components/ui/button-styles";
import { TextLink } from "@/components/ui/text-link";
import { getConsentText } from "@/lib/consent/consent-texts";
import { isLocale } from "@/lib/i18n/locales";
import { requireUser } from "@/server/auth/require-user";
import { getShopName } from "@/server/catalog/get-shop-name";
import { findHeldConsents } from "@/server/data-rights/find-held-consents";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dataRights");
  return { title: t("page.title"), robots: { index: false } };
}

const sectionClasses = "mt-8 border-t border-zinc-200 pt-6 dark:border-zinc-800";

export default async function YourDataPage() {
  const user = await requireUser("/account/data");
  const [t, pageLocale, heldConsents] = await Promise.all([getTranslations("dataRights"), getLocale(), findHeldConsents(user.id)]);
  const locale = isLocale(pageLocale) ? pageLocale : "en";
  const shopName = getShopName();
  const withdrawals = heldConsents.map((purpose) => ({ purpose, ...getConsentText(purpose, "WITHDRAWN", locale) }));

  return (
    <div className="mx-auto max-w-2xl">
      <Breadcrumbs trail={[{ label: t("page.accountCrumb"), href: "/account" }]} current={t("page.title")} />
      <h1 className="text-2xl font-semibold">{t("page.title")}</h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("page.intro")}</p>

      <section aria-labelledby="export-heading" className={sectionClasses}>
        <h2 id="export-heading" className="text-xl font-semibold">
          {t("export.heading")}
        </h2>
        <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("export.body", { shopName })}</p>
        <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
          {/* A plain link: the file comes from a route handler, not a page to navigate to. */}
          <a href="/account/data/export" download className={buttonClasses("secondary", "w-full sm:w-auto")}>
            {t("export.button")}
          </a>
          <TextLink href="/account/consents">{t("export.consentHistoryLink")}</TextLink>
        </div>
      </section>

      <section aria-labelledby="delete-heading" className={sectionClasses}>
        <h2 id="delete-heading" className="text-xl font-semibold">
          {t("delete.heading")}
        </h2>
        <p className="mt-2 font-medium">{t("delete.whatHappens")}</p>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-zinc-700 dark:text-zinc-300">
          <li>{t("delete.erased")}</li>
          <li>{t("delete.ledgerKept")}</li>
          <li>{t("delete.hashKept")}</li>
          <li>{t("delete.freshStart", { shopName })}</li>
          <li>{t("delete.signedOut")}</li>
        </ul>
        <DeleteAccountForm withdrawals={withdrawals} locale={locale} />
      </section>
    </div>
  );
}
