"use client";

import { useState, useTransition } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export interface DemoAccountButton {
  email: string;
  name: string;
  role: string;
}

/**
 * DEVELOPMENT ONLY: one-click sign-in as a seeded account through the "demo" credentials
 * provider. The marker below must never appear in a production build.
 */
const MARKER = "demo-account-sign-in";

export function DemoSignInButtons({ accounts, callbackPath }: { accounts: DemoAccountButton[]; callbackPath: string }) {
  const t = useTranslations("auth");
  const [pending, startTransition] = useTransition();
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function signInAs(email: string) {
    setSigningIn(email);
    setError(null);
    startTransition(async () => {
      const result = await signIn("demo", { email, callbackUrl: callbackPath, redirect: false }).catch(() => undefined);
      // A suspended account: the sign-in page says so (next-auth hands the client no URL on an
      // error, so the end and reason show only on the e-mail link path).
      if (result?.error === "Suspended") {
        window.location.assign("/signin?error=Suspended");
        return;
      }
      if (!result?.ok || result.error) {
        setSigningIn(null);
        setError(t("errors.CredentialsSignin"));
        return;
      }
      // A full load so every server component (header, pages) renders for the new session.
      window.location.assign(callbackPath);
    });
  }

  return (
    <div data-purpose={MARKER}>
      <p role="alert" className="mb-3 text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {accounts.map((account) => (
          <li key={account.email}>
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() => signInAs(account.email)}
              className="w-full flex-col items-start! text-left"
            >
              <span>{signingIn === account.email ? t("signIn.demoSigningIn") : t("signIn.demoSignInAs", { name: account.name })}</span>
              <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">
                {account.role} · {account.email}
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
