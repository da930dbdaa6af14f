import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { FIELD_INPUT_CLASSES, FilterField } from "@/components/moderation/filter-field";
import { LedgerRowList } from "@/components/moderation/ledger-row-list";
import { buttonClasses } from "@/components/ui/button-styles";
import { LinkButton } from "@/components/ui/link-button";
import { CONSENT_PURPOSES } from "@/lib/consent/consent-vocabulary";
import { auditFiltersQuery, firstParams } from "@/lib/moderation/audit-filters";
import { LEDGER_CURSOR_PATTERN, ledgerSearchSchema, type LedgerSearch } from "@/lib/moderation/ledger-search";
import { requireUser } from "@/server/auth/require-user";
import { getRequestId } from "@/server/http/get-request-id";
import { requirePermissionOrNotFound } from "@/server/moderation/require-permission-or-not-found";
import { searchConsentLedger } from "@/server/moderation/search-consent-ledger";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation");
  return { title: t("ledger.title") };
}

const LEDGER_PATH = "/moderation/ledger";

export default async function ConsentLedgerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = await requireUser(LEDGER_PATH);
  await requirePermissionOrNotFound(user.id, "ledger.view");
  const t = await getTranslations("moderation");
  const params = firstParams(await searchParams);
  const parsed = ledgerSearchSchema.safeParse(params);
  const search: LedgerSearch = parsed.success ? parsed.data : {};
  const cursor = params.cursor && LEDGER_CURSOR_PATTERN.test(params.cursor) ? params.cursor : undefined;
  // Every view is audited (ledger.view), including this one.
  const page = parsed.success ? await searchConsentLedger(user.id, search, { cursor, requestId: await getRequestId() }) : { items: [], nextCursor: null };
  const shown = parsed.success ? params : {};

  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("ledger.title")}</h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("ledger.intro")}</p>

      <form method="get" action={LEDGER_PATH} role="search" aria-label={t("ledger.search.label")} className="mt-6 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <FilterField id="ledger-member" name="member" label={t("ledger.search.member")} hint={t("ledger.search.memberHint")} defaultValue={shown.member ?? ""} autoComplete="off" spellCheck={false} />
          <div className="min-w-0">
            <label htmlFor="ledger-purpose" className="block text-sm font-medium">
              {t("ledger.search.purpose")}
            </label>
            <select id="ledger-purpose" name="purpose" defaultValue={shown.purpose ?? ""} className={FIELD_INPUT_CLASSES}>
              <option value="">{t("ledger.search.anyPurpose")}</option>
              {CONSENT_PURPOSES.map((purpose) => (
                <option key={purpose} value={purpose}>
                  {purpose}
                </option>
              ))}
            </select>
          </div>
          <FilterField id="ledger-from" name="from" type="date" label={t("ledger.search.from")} defaultValue={shown.from ?? ""} />
          <FilterField id="ledger-to" name="to" type="date" label={t("ledger.search.to")} defaultValue={shown.to ?? ""} />
        </div>
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="submit" className={buttonClasses("primary")}>
            {t("ledger.search.apply")}
          </button>
          <LinkButton href={LEDGER_PATH} variant="secondary">
            {t("ledger.search.clear")}
          </LinkButton>
          <a href={`${LEDGER_PATH}/export${auditFiltersQuery(search)}`} download className={buttonClasses("secondary")}>
            {t("ledger.export")}
          </a>
        </div>
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{t("ledger.audited")}</p>
      </form>

      {!parsed.success && (
        <p role="alert" className="mt-4 font-medium text-red-700 dark:text-red-400">
          {t("ledger.search.invalid")}
        </p>
      )}

      <h2 className="sr-only">{t("ledger.resultsHeading")}</h2>
      {page.items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">{t("ledger.empty")}</p>
      ) : (
        <LedgerRowList rows={page.items} />
      )}

      {(cursor || page.nextCursor) && (
        <nav aria-label={t("ledger.pagination")} className="mt-6 flex flex-wrap gap-2">
          {cursor && (
            <LinkButton href={`${LEDGER_PATH}${auditFiltersQuery(search)}`} variant="secondary">
              {t("ledger.newest")}
            </LinkButton>
          )}
          {page.nextCursor && (
            <LinkButton href={`${LEDGER_PATH}${auditFiltersQuery(search, { cursor: page.nextCursor })}`} variant="secondary">
              {t("ledger.older")}
            </LinkButton>
          )}
        </nav>
      )}
    </div>
  );
}
