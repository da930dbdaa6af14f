import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { DeclineInvitationForm } from "@/components/invitations/decline-invitation-form";
import { TextLink } from "@/components/ui/text-link";
import { invitationPath } from "@/lib/invitations/invitation-paths";
import { findInvitation } from "@/server/invitations/find-invitation";

const loadInvitation = cache(findInvitation);

type DeclinePageProps = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: DeclinePageProps): Promise<Metadata> {
  await connection();
  if (!(await loadInvitation((await params).token))) notFound();
  const t = await getTranslations("invitation.decline");
  return { title: t("metaTitle"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/** "No thanks": one optional, unticked box; saying no needs no account. */
export default async function DeclineInvitationPage({ params }: DeclinePageProps) {
  await connection();
  const { token } = await params;
  const invitation = await loadInvitation(token);
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
