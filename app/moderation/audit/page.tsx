import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { AuditEntryList } from "@/components/moderation/audit-entry-list";
import { FilterField } from "@/components/moderation/filter-field";
import { LinkButton } from "@/components/ui/link-button";
import { buttonClasses } from "@/components/ui/button-styles";
import { AUDIT_CURSOR_PATTERN, auditFiltersQuery, auditFiltersSchema, firstParams, type AuditFilters } from "@/lib/moderation/audit-filters";
import { requireUser } from "@/server/auth/require-user";
import { listAuditEntries } from "@/server/moderation/list-audit-entries";
import { requirePermissionOrNotFound } from "@/server/moderation/require-permission-or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation");
  return { title: t("audit.title") };
}

const AUDIT_PATH = "/moderation/audit";

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = await requireUser(AUDIT_PATH);
  await requirePermissionOrNotFound(user.id, "audit.view");
  const t = await getTranslations("moderation");
  const params = firstParams(await searchParams);
  const parsed = auditFiltersSchema.safeParse(params);
  const filters: AuditFilters = parsed.success ? parsed.data : {};
  const cursor = params.cursor && AUDIT_CURSOR_PATTERN.test(params.cursor) ? params.cursor : undefined;
  const page = parsed.success ? await listAuditEntries(user.id, filters, { cursor }) : { items: [], nextCursor: null };
  const shown = parsed.success ? params : {};

  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("audit.title")}</h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("audit.intro")}</p>

      <form method="get" action={AUDIT_PATH} role="search" aria-label={t("audit.filters.label")} className="mt-6 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <FilterField id="audit-actor" name="actor" label={t("audit.filters.actor")} hint={t("audit.filters.actorHint")} defaultValue={shown.actor ?? ""} autoComplete="off" spellCheck={false} />
          <FilterField id="audit-action" name="action" label={t("audit.filters.action")} hint={t("audit.filters.actionHint")} defaultValue={shown.action ?? ""} autoComplete="off" spellCheck={false} />
          <FilterField id="audit-target-type" name="targetType" label={t("audit.filters.targetType")} hint={t("audit.filters.targetTypeHint")} defaultValue={shown.targetType ?? ""} autoComplete="off" spellCheck={false} />
          <FilterField id="audit-target-id" name="targetId" label={t("audit.filters.targetId")} defaultValue={shown.targetId ?? ""} autoComplete="off" spellCheck={false} />
          <FilterField id="audit-from" name="from" type="date" label={t("audit.filters.from")} defaultValue={shown.from ?? ""} />
          <FilterField id="audit-to" name="to" type="date" label={t("audit.filters.to")} defaultValue={shown.to ?? ""} />
        </div>
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="submit" className={buttonClasses("primary")}>
            {t("audit.filters.apply")}
          </button>
          <LinkButton href={AUDIT_PATH} variant="secondary">
            {t("audit.filters.clear")}
          </LinkButton>
          <a href={`${AUDIT_PATH}/export${auditFiltersQuery(filters)}`} download className={buttonClasses("secondary")}>
            {t("audit.export")}
          </a>
        </div>
      </form>

      {!parsed.success && (
        <p role="alert" className="mt-4 font-medium text-red-700 dark:text-red-400">
          {t("audit.filters.invalid")}
        </p>
      )}

      <h2 className="sr-only">{t("audit.resultsHeading")}</h2>
      {page.items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">{t("audit.empty")}</p>
      ) : (
        <AuditEntryList entries={page.items} />
      )}

      {(cursor || page.nextCursor) && (
      <nav aria-label={t("audit.pagination")} className="mt-6 flex flex-wrap gap-2">
        {cursor && (
          <LinkButton href={`${AUDIT_PATH}${auditFiltersQuery(filters)}`} variant="secondary">
            {t("audit.newest")}
          </LinkButton>
        )}
        {page.nextCursor && (
          <LinkButton href={`${AUDIT_PATH}${auditFiltersQuery(filters, { cursor: page.nextCursor })}`} variant="secondary">
            {t("audit.older")}
          </LinkButton>
        )}
      </nav>
      )}
    </div>
  );
}
