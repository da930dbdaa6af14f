import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { TooManyRequestsNotice } from "@/components/errors/too-many-requests-notice";
import { DeclineInvitationForm } from "@/components/invitations/decline-invitation-form";
import { TextLink } from "@/components/ui/text-link";
import { invitationPath } from "@/lib/invitations/invitation-paths";
import { takeVisitorRateLimit } from "@/server/http/rate-limit-visitor";
import { findInvitation } from "@/server/invitations/find-invitation";

// One lookup, and one token of the per-IP limit (policy "invitation"), per request.
const loadInvitation = cache(async (token: string) => {
  const limit = await takeVisitorRateLimit("invitation");
  if (!limit.allowed) return { limited: true, retryAfterSeconds: limit.retryAfterSeconds } as const;
  return { limited: false, invitation: await findInvitation(token) } as const;
});

type DeclinePageProps = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: DeclinePageProps): Promise<Metadata> {
  await connection();
  const loaded = await loadInvitation((await params).token);
  if (loaded.limited) return { title: (await getTranslations("errors.tooManyRequests"))("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
  if (!loaded.invitation) notFound();
  const t = await getTranslations("invitation.decline");
  return { title: t("metaTitle"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/** "No thanks": one optional, unticked box; saying no needs no account. */
export default async function DeclineInvitationPage({ params }: DeclinePageProps) {
  await connection();
  const { token } = await params;
  const loaded = await loadInvitation(token);
  if (loaded.limited) return <TooManyRequestsNotice retryAfterSeconds={loaded.retryAfterSeconds} />;
  const { invitation } = loaded;
  if (!invitation) notFound();
  // A member has nothing to decline; the invitation page tells them so.
  if (invitation.isMember) redirect(invitationPath(token));

  const t = await getTranslations("invitation.decline");
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("heading")}</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">{t("intro")}</p>
      <DeclineInvitationForm token={token} />
      <p className="mt-8">
        <TextLink href={invitationPath(token)}>{t("back")}</TextLink>
      </p>
    </div>
  );
}
