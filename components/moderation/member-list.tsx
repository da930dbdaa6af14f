import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { MemberListItem } from "@/server/moderation/list-members";

const badge = "rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200";
const warnBadge = "rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100";

/** One result per line (reads well on a phone): name (link), e-mail, role and state. */
export async function MemberList({ members }: { members: MemberListItem[] }) {
  const t = await getTranslations("moderation.members");
  return (
    <ul className="mt-4 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {members.map((member) => (
        <li key={member.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <Link href={`/moderation/members/${member.id}`} className="font-medium break-words underline underline-offset-4 hover:decoration-2">
              {member.displayName ?? t("unnamed")}
            </Link>
            <p className="text-sm break-all text-zinc-700 dark:text-zinc-300">{member.email}</p>
          </div>
          <p className="flex flex-wrap gap-1.5">
            <span className={badge}>{t(`role.${member.role}`)}</span>
            {!member.isMember && <span className={badge}>{t("status.notMember")}</span>}
            {member.silenced && <span className={warnBadge}>{t("status.silenced")}</span>}
            {member.suspended && <span className={warnBadge}>{t("status.suspended")}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
