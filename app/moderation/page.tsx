import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { MODERATION_PATH } from "@/lib/moderation/moderation-paths";
import { requireUser } from "@/server/auth/require-user";
import { getModerationOverview } from "@/server/moderation/get-moderation-overview";
import { requirePermissionOrNotFound } from "@/server/moderation/require-permission-or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation");
  return { title: t("overview.title") };
}

export default async function ModerationOverviewPage() {
  await connection();
  const user = await requireUser(MODERATION_PATH);
  await requirePermissionOrNotFound(user.id, "moderation.access");
  const [t, overview] = await Promise.all([getTranslations("moderation"), getModerationOverview(user.id)]);
  const counts = [
    { key: "openReviews", value: overview.openReviews, href: "/moderation/queue" },
    { key: "pendingPosts", value: overview.pendingPosts, href: "/moderation/queue" },
    { key: "hiddenPosts", value: overview.hiddenPosts, href: null },
    { key: "activeSanctions", value: overview.activeSanctions, href: "/moderation/members" },
  ] as const;
  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("overview.title")}</h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("overview.intro")}</p>
      <section aria-labelledby="moderation-counts" className="mt-6">
        <h2 id="moderation-counts" className="sr-only">
          {t("overview.countsLabel")}
        </h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {counts.map((count) => (
            <div key={count.key} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
              <dt className="text-sm text-zinc-700 dark:text-zinc-300">
                {count.href ? (
                  <Link href={count.href} className="underline underline-offset-4 hover:decoration-2">
                    {t(`overview.${count.key}`)}
                  </Link>
                ) : (
                  t(`overview.${count.key}`)
                )}
              </dt>
              <dd className="mt-1 text-3xl font-semibold tabular-nums">{count.value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
