import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { SignInLink } from "./sign-in-link";
import { SignOutButton } from "./sign-out-button";

/** Header corner: "Sign in" for visitors; their display name (linking to /account) and sign-out otherwise. */
export async function UserMenu() {
  const [t, user] = await Promise.all([getTranslations("auth"), getCurrentUser()]);
  if (!user) return <SignInLink label={t("menu.signIn")} />;
  return (
    <div className="flex min-w-0 items-center gap-1">
      <Link
        href="/account"
        className="min-w-0 truncate rounded-md px-2 py-1 text-sm font-medium text-zinc-900 underline-offset-4 hover:underline max-sm:max-w-[9rem] dark:text-zinc-100"
      >
        {/* Without a display name, a neutral label: the e-mail address stays off every page. */}
        {user.displayName ? (
          <>
            <span className="sr-only">{t("menu.accountOf")} </span>
            {user.displayName}
          </>
        ) : (
          t("menu.account")
        )}
      </Link>
      <SignOutButton label={t("menu.signOut")} />
    </div>
  );
}
