import { getTranslations } from "next-intl/server";
import { revokeSanctionAction } from "@/app/moderation/members/actions";
import type { SanctionHistoryItem } from "@/server/moderation/get-member-moderation-view";
import { ModerationActionForm } from "./moderation-action-form";

const summaryClasses =
  "cursor-pointer rounded-md px-1 py-1 text-sm font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 dark:text-brand-300";

/** Every sanction, newest first: what, why, when, by whom, and how it ended; a revoke form on those not revoked. */
export async function MemberSanctionHistory({ memberId, sanctions, canRevoke }: { memberId: string; sanctions: SanctionHistoryItem[]; canRevoke: boolean }) {
  const t = await getTranslations("moderation.members.detail");
  if (sanctions.length === 0) return <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("noSanctions")}</p>;
  return (
    <ul className="mt-2 flex flex-col gap-3">
      {sanctions.map((sanction) => (
        <li key={sanction.id} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            {t(`kind.${sanction.kind}`)}
            {sanction.active && sanction.kind !== "WARNING" && (
              <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">{t("active")}</span>
            )}
          </p>
          <p className="mt-1 text-sm break-words">{sanction.reason}</p>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            {sanction.kind === "WARNING"
              ? t("warningOn", { start: sanction.startsAt })
              : sanction.endsAt
                ? t("period", { start: sanction.startsAt, end: sanction.endsAt })
                : t("periodIndefinite", { start: sanction.startsAt })}{" "}
            · {t("by", { name: sanction.createdByName ?? t("someone") })}
          </p>
          {sanction.revokedAt && (
            <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
              {t("revoked", { date: sanction.revokedAt, name: sanction.revokedByName ?? t("someone"), reason: sanction.revokeReason ?? "" })}
            </p>
          )}
          {canRevoke && !sanction.revokedAt && (sanction.active || sanction.kind === "WARNING") && (
            <details className="mt-1">
              <summary className={summaryClasses}>{t("revoke.summary")}</summary>
              <ModerationActionForm
                action={revokeSanctionAction}
                hidden={{ sanctionId: sanction.id, memberId }}
                fields={[{ kind: "textarea", name: "reason", label: t("revoke.reason"), required: true }]}
                submitLabel={t("revoke.submit")}
                pendingLabel="…"
                variant="secondary"
              />
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
