import { getTranslations } from "next-intl/server";
import { recordWithdrawalAction } from "@/app/moderation/members/actions";
import type { MemberModerationView } from "@/server/moderation/get-member-moderation-view";
import { ModerationActionForm } from "./moderation-action-form";

/**
 * Records a withdrawal the member asked for: only what is on now can be chosen, and nothing here
 * turns anything on (recordRequestedWithdrawal has no granting kind).
 */
export async function MemberWithdrawalForm({ memberId, withdrawable }: { memberId: string; withdrawable: MemberModerationView["withdrawable"] }) {
  const t = await getTranslations("moderation.members.detail");
  const options = [
    ...withdrawable.subscriptions.map((subscription) => ({ value: `subscription:${subscription.id}`, label: t("withdrawal.subscription", { name: subscription.name }) })),
    ...withdrawable.personalEmail.map((event) => ({ value: `personalEmail:${event}`, label: t("withdrawal.personalEmail", { event: t(`personalEvent.${event}`) }) })),
  ];
  return (
    <>
      <p className="mt-2 max-w-prose text-sm text-zinc-700 dark:text-zinc-300">{t("withdrawal.intro")}</p>
      {options.length === 0 && <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{t("withdrawal.nothing")}</p>}
      <ModerationActionForm
        action={recordWithdrawalAction}
        hidden={{ memberId }}
        fields={[
          { kind: "select", name: "what", label: t("withdrawal.what"), required: true, options: [...options, { value: "allEmail", label: t("withdrawal.allEmail") }] },
          { kind: "textarea", name: "reason", label: t("reason"), required: true },
        ]}
        submitLabel={t("withdrawal.submit")}
        pendingLabel="…"
        variant="secondary"
      />
    </>
  );
}
