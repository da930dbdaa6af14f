import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { HealthCharts } from "@/components/moderation/health-charts";
import { DEFAULT_HEALTH_WINDOW, HEALTH_WINDOWS, parseHealthWindow } from "@/lib/moderation/community-health";
import { requireUser } from "@/server/auth/require-user";
import { getCommunityHealth } from "@/server/moderation/get-community-health";
import { requirePermissionOrNotFound } from "@/server/moderation/require-permission-or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation");
  return { title: t("health.title") };
}

const HEALTH_PATH = "/moderation/health";

const WINDOW_LINK =
  "inline-block rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-800 underline-offset-4 hover:underline aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white dark:border-zinc-700 dark:text-zinc-200 dark:aria-[current=page]:border-brand-300 dark:aria-[current=page]:bg-brand-300 dark:aria-[current=page]:text-zinc-950";

/** Community health: the numbers (server, one aggregate per metric) drawn by the client charts. `?weeks=4|12|26|52`. */
export default async function CommunityHealthPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = await requireUser(HEALTH_PATH);
  await requirePermissionOrNotFound(user.id, "health.view");
  const weeks = parseHealthWindow((await searchParams).weeks);
  if (weeks === null) notFound();
  const [t, format, health] = await Promise.all([getTranslations("moderation.health"), getFormatter(), getCommunityHealth(user.id, { weeks })]);
  const hours = (value: number | null) => (value === null ? t("none") : t("hours", { hours: format.number(value, { maximumFractionDigits: 1 }) }));
  const stats = [
    { key: "optIn", value: health.membership.optInRate === null ? t("none") : format.number(health.membership.optInRate, { style: "percent", maximumFractionDigits: 1 }) },
    { key: "firstAnswer", value: hours(health.questions.overall.medianHoursToFirstAnswer) },
    { key: "solution", value: hours(health.questions.overall.medianHoursToSolution) },
    { key: "active", value: format.number(health.activeMembers.overall) },
    { key: "queue", value: format.number(health.review.openNow) },
  ] as const;

  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("intro")}</p>

      <nav aria-label={t("window.label")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {HEALTH_WINDOWS.map((option) => (
            <li key={option}>
              <Link
                href={option === DEFAULT_HEALTH_WINDOW ? HEALTH_PATH : `${HEALTH_PATH}?weeks=${option}`}
                aria-current={option === weeks ? "page" : undefined}
                className={WINDOW_LINK}
              >
                {t("window.option", { weeks: option })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="health-stats" className="mt-6">
        <h2 id="health-stats" className="sr-only">
          {t("stats.label")}
        </h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {stats.map((stat) => (
            <div key={stat.key} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
              <dt className="text-sm text-zinc-700 dark:text-zinc-300">{t(`stats.${stat.key}`)}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">{stat.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="mt-6">
        <HealthCharts health={health} />
      </div>
    </div>
  );
}
