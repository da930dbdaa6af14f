import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { PromoteModeratorForm } from "@/components/moderation/promote-moderator-form";
import { RoleChangeButton } from "@/components/moderation/role-change-button";
import { requireUser } from "@/server/auth/require-user";
import { listModerators } from "@/server/moderation/list-moderators";
import { requirePermissionOrNotFound } from "@/server/moderation/require-permission-or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation");
  return { title: t("moderators.title") };
}

const MODERATORS_PATH = "/moderation/moderators";

export default async function ModeratorsPage() {
  await connection();
  const user = await requireUser(MODERATORS_PATH);
  await requirePermissionOrNotFound(user.id, "moderators.manage");
  const [t, moderators] = await Promise.all([getTranslations("moderation"), listModerators(user.id)]);

  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("moderators.title")}</h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("moderators.intro")}</p>

      <section aria-labelledby="promote-heading" className="mt-6 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="promote-heading" className="text-lg font-semibold">
          {t("moderators.promote.title")}
        </h2>
        <PromoteModeratorForm />
      </section>

      <section aria-labelledby="team-heading" className="mt-8">
        <h2 id="team-heading" className="text-lg font-semibold">
          {t("moderators.listTitle")}
        </h2>
        <ul className="mt-3 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {moderators.map((person) => {
            const name = person.displayName ?? person.email;
            const self = person.id === user.id;
            return (
              <li key={person.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium break-words">
                    {name} {self && <span className="font-normal text-zinc-600 dark:text-zinc-400">{t("moderators.you")}</span>}
                  </p>
                  <p className="text-sm break-all text-zinc-600 dark:text-zinc-400">{person.email}</p>
                  <p className="text-sm">{t(`moderators.roles.${person.role}`)}</p>
                </div>
                <div className="flex flex-wrap gap-2">
                  {person.role === "MODERATOR" ? (
                    <RoleChangeButton memberId={person.id} role="ADMIN" label={t("moderators.makeAdmin")} accessibleLabel={t("moderators.makeAdminOf", { name })} confirm={t("moderators.confirmAdmin", { name })} />
                  ) : (
                    <RoleChangeButton memberId={person.id} role="MODERATOR" label={t("moderators.makeModerator")} accessibleLabel={t("moderators.makeModeratorOf", { name })} confirm={t("moderators.confirmModerator", { name })} />
                  )}
                  <RoleChangeButton memberId={person.id} role="MEMBER" label={t("moderators.demote")} accessibleLabel={t("moderators.demoteOf", { name })} confirm={t("moderators.confirmDemote", { name })} />
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
