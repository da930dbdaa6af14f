import { getTranslations } from "next-intl/server";
import { listDemoAccounts } from "@/server/auth/demo/list-demo-accounts";
import { DemoSignInButtons } from "./demo-sign-in-buttons";

/**
 * DEVELOPMENT ONLY (demo-account-sign-in): the seeded demo accounts with a sign-in button each.
 * Imported by /signin behind a `process.env.NODE_ENV === "development"` guard only.
 */
export async function DemoSignIn({ callbackPath }: { callbackPath: string }) {
  const [t, accounts] = await Promise.all([getTranslations("auth"), listDemoAccounts()]);
  if (accounts.length === 0) return null;
  return (
    <section aria-labelledby="demo-accounts-heading" className="mt-10 rounded-lg border border-dashed border-amber-500 p-4 dark:border-amber-400">
      <h2 id="demo-accounts-heading" className="text-lg font-semibold">
        {t("signIn.demoHeading")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-700 dark:text-zinc-300">{t("signIn.demoIntro")}</p>
      <DemoSignInButtons
        callbackPath={callbackPath}
        accounts={accounts.map((account) => ({
          email: account.email,
          name: account.displayName ?? account.email,
          role: t(`signIn.roles.${account.role}`),
        }))}
      />
    </section>
  );
}
