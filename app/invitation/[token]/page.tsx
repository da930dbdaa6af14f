import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { TooManyRequestsNotice } from "@/components/errors/too-many-requests-notice";
import { AlreadyMemberNotice } from "@/components/invitations/already-member-notice";
import { InvitationChoices } from "@/components/invitations/invitation-choices";
import { productPath } from "@/lib/catalog/catalog-paths";
import { getShopName } from "@/server/catalog/get-shop-name";
import { takeVisitorRateLimit } from "@/server/http/rate-limit-visitor";
import { findInvitation } from "@/server/invitations/find-invitation";

// generateMetadata and the page both need the invitation: one lookup, and one token of the per-IP
// limit (policy "invitation"), per request. A refused request never looks at the token.
const loadInvitation = cache(async (token: string) => {
  const limit = await takeVisitorRateLimit("invitation");
  if (!limit.allowed) return { limited: true, retryAfterSeconds: limit.retryAfterSeconds } as const;
  return { limited: false, invitation: await findInvitation(token) } as const;
});

type InvitationPageProps = { params: Promise<{ token: string }> };

// The address is a personal link: keep it out of search engines and other sites' logs. Not
// "no-referrer": that makes form posts send "Origin: null", which Next refuses for server actions.
const PRIVATE_PAGE: Metadata = { robots: { index: false, follow: false }, referrer: "same-origin" };

export async function generateMetadata({ params }: InvitationPageProps): Promise<Metadata> {
  await connection();
  const loaded = await loadInvitation((await params).token);
  if (loaded.limited) return { ...PRIVATE_PAGE, title: (await getTranslations("errors.tooManyRequests"))("title") };
  // Same verdict as the page, so a dead link gets the not-found page's title.
  if (!loaded.invitation) notFound();
  const t = await getTranslations("invitation.page");
  return { ...PRIVATE_PAGE, title: t("metaTitle") };
}

/**
 * The page behind the invitation URL the shop puts in its order confirmation. Public: reading
 * it or saying no needs no account. It records nothing by being viewed.
 */
export default async function InvitationPage({ params }: InvitationPageProps) {
  await connection();
  const { token } = await params;
  const loaded = await loadInvitation(token);
  if (loaded.limited) return <TooManyRequestsNotice retryAfterSeconds={loaded.retryAfterSeconds} />;
  const { invitation } = loaded;
  if (!invitation) notFound();

  const shop = getShopName();
  if (invitation.isMember) return <AlreadyMemberNotice shopName={shop} />;

  const t = await getTranslations("invitation.page");
  const meanings = ["meaningPost", "meaningNoEmail", "meaningBadge", "meaningLeave", "meaningSignIn"] as const;

  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">{t("heading", { shop })}</h1>
      <p className="mt-3 text-lg text-zinc-700 dark:text-zinc-300">{t("intro", { shop })}</p>

      {invitation.invitationsDeclined && (
        <p className="mt-4 rounded-md border border-zinc-300 bg-zinc-50 p-3 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200">
          {t("declinedBefore")}
        </p>
      )}

      {invitation.products.length > 0 && (
        <section aria-labelledby="order-heading" className="mt-8">
          <h2 id="order-heading" className="text-lg font-semibold">
            {t("productsHeading")}
          </h2>
          <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("productsIntro")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {invitation.products.map((product) => (
              <li key={product.slug} className="break-words">
                <Link href={productPath(product.slug)} className="underline decoration-1 underline-offset-4 hover:decoration-2">
                  {product.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="who-heading" className="mt-8">
        <h2 id="who-heading" className="text-lg font-semibold">
          {t("whoHeading")}
        </h2>
        <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("whoBody", { shop })}</p>
      </section>

      <section aria-labelledby="meaning-heading" className="mt-8">
        <h2 id="meaning-heading" className="text-lg font-semibold">
          {t("meaningHeading")}
        </h2>
        <ul className="mt-2 list-disc space-y-2 pl-6 text-zinc-700 dark:text-zinc-300">
          {meanings.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>

      <InvitationChoices token={token} />
    </div>
  );
}
