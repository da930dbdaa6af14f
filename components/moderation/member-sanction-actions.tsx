import { getTranslations } from "next-intl/server";
import { restrictMemberAction, warnMemberAction } from "@/app/moderation/members/actions";
import { SANCTION_DURATIONS } from "@/lib/moderation/sanction-schemas";
import { hasPermission, type Role } from "@/lib/moderation/permissions";
import { ModerationActionForm, type ModerationField } from "./moderation-action-form";

const summaryClasses =
  "cursor-pointer rounded-md px-1 py-1 font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 dark:text-brand-300";

type Props = { memberId: string; memberRole: Role; viewer: { id: string; role: Role } };

/** Warn, silence, suspend: what the viewer's permissions allow, never on themselves or an administrator. */
export async function MemberSanctionActions({ memberId, memberRole, viewer }: Props) {
  const t = await getTranslations("moderation.members.detail");
  if (memberId === viewer.id) return <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("cannotSanctionSelf")}</p>;
  if (memberRole === "ADMIN") return <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("cannotSanctionAdmin")}</p>;
  const durationFields: ModerationField[] = [
    {
      kind: "select",
      name: "duration",
      label: t("duration"),
      required: true,
      defaultValue: "1w",
      options: SANCTION_DURATIONS.map((duration) => ({ value: duration, label: t(`durations.${duration}`) })),
    },
    { kind: "date", name: "customDate", label: t("customDate"), hint: t("customDateHint") },
    { kind: "textarea", name: "reason", label: t("reason"), required: true },
  ];
  return (
    <div className="mt-2 flex flex-col gap-2">
      {hasPermission(viewer.role, "member.warn") && (
        <details>
          <summary className={summaryClasses}>{t("warn.summary")}</summary>
          <ModerationActionForm
            action={warnMemberAction}
            hidden={{ memberId }}
            fields={[{ kind: "textarea", name: "reason", label: t("warn.message"), required: true }]}
            submitLabel={t("warn.submit")}
            pendingLabel="…"
          />
        </details>
      )}
      {hasPermission(viewer.role, "member.silence") && (
        <details>
          <summary className={summaryClasses}>{t("silence.summary")}</summary>
          <ModerationActionForm action={restrictMemberAction} hidden={{ memberId, kind: "SILENCE" }} fields={durationFields} submitLabel={t("silence.submit")} pendingLabel="…" />
        </details>
      )}
      {hasPermission(viewer.role, "member.suspend") && (
        <details>
          <summary className={summaryClasses}>{t("suspend.summary")}</summary>
          <ModerationActionForm action={restrictMemberAction} hidden={{ memberId, kind: "SUSPENSION" }} fields={durationFields} submitLabel={t("suspend.submit")} pendingLabel="…" />
        </details>
      )}
    </div>
  );
}
