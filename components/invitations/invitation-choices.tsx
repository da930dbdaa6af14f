import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { JOIN_FROM_INVITATION_PATH, invitationDeclinePath } from "@/lib/invitations/invitation-paths";

/**
 * Join and No thanks with exactly the same weight: same component, size and style, side by side
 * from the small breakpoint, stacked full-width below. Neither is the "default".
 */
export async function InvitationChoices({ token }: { token: string }) {
  const t = await getTranslations("invitation.page");
  const choiceClasses = "w-full min-h-12 text-base";
  return (
    <section aria-labelledby="choice-heading" className="mt-8">
      <h2 id="choice-heading" className="text-lg font-semibold">
        {t("choiceHeading")}
      </h2>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("choiceNote")}</p>
      <div className="mt-4 grid max-w-xl gap-3 sm:grid-cols-2">
        <LinkButton href={JOIN_FROM_INVITATION_PATH} variant="primary" className={choiceClasses}>
          {t("join")}
        </LinkButton>
        <LinkButton href={invitationDeclinePath(token)} variant="primary" className={choiceClasses}>
          {t("decline")}
        </LinkButton>
      </div>
    </section>
  );
}
