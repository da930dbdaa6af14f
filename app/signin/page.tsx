import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInErrorKey } from "@/lib/auth/sign-in-error-key";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { resolveCallbackPath } from "@/server/auth/resolve-callback-path";
import { findSuspensionInForce } from "@/server/moderation/find-active-sanctions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signIn.title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[]; sanction?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackPath = resolveCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackPath);

  const t = await getTranslations("auth");
  const error = typeof params.error === "string" ? signInErrorKey(params.error) : null;
  // A refused sign-in of a suspended account: until when, and why.
  const suspension = error === "Suspended" && typeof params.sanction === "string" ? await findSuspensionInForce(params.sanction) : null;
  // Demo sign-in exists only in development: with this literal guard the production build
  // contains neither the component nor its query (checked by scripts/assert-no-demo-sign-in.ts).
  const DemoSignIn = process.env.NODE_ENV === "development" ? (await import("@/components/auth/demo-sign-in")).DemoSignIn : null;

  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-semibold">{t("signIn.title")}</h1>
      {error && (
        <div role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <h2 className="font-semibold">{t("errors.heading")}</h2>
          <p className="mt-1 text-sm">{t(`errors.${error}`)}</p>
          {suspension && (
            <p className="mt-1 text-sm">
              {suspension.endsAt ? t("errors.suspendedUntil", { until: suspension.endsAt }) : t("errors.suspendedIndefinitely")}{" "}
              {t("errors.suspendedReason", { reason: suspension.reason })}
            </p>
          )}
        </div>
      )}
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">{t("signIn.intro")}</p>
      <SignInForm callbackPath={callbackPath} />
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">{t("signIn.noSubscription")}</p>
      {DemoSignIn && <DemoSignIn callbackPath={callbackPath} />}
    </div>
  );
}
