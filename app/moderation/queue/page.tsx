import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { FIELD_INPUT_CLASSES } from "@/components/moderation/filter-field";
import { ReviewQueue } from "@/components/moderation/review-queue";
import { buttonClasses } from "@/components/ui/button-styles";
import { LinkButton } from "@/components/ui/link-button";
import { QUEUE_AGES, QUEUE_REASONS, reviewQueueFiltersSchema, type ReviewQueueFilters } from "@/lib/moderation/review-queue-schemas";
import { requireUser } from "@/server/auth/require-user";
import { listReviewQueue } from "@/server/moderation/list-review-queue";
import { listReviewQueueProducts } from "@/server/moderation/list-review-queue-products";
import { requirePermissionOrNotFound } from "@/server/moderation/require-permission-or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation");
  return { title: t("queue.title") };
}

const QUEUE_PATH = "/moderation/queue";

function queryOf(filters: ReviewQueueFilters, after?: string): string {
  const query = new URLSearchParams();
  if (filters.product) query.set("product", filters.product);
  if (filters.reason) query.set("reason", filters.reason);
  if (filters.age && filters.age !== "any") query.set("age", filters.age);
  if (after) query.set("after", after);
  const text = query.toString();
  return text ? `?${text}` : "";
}

type QueuePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewQueuePage({ searchParams }: QueuePageProps) {
  await connection();
  const user = await requireUser(QUEUE_PATH);
  await requirePermissionOrNotFound(user.id, "queue.review");
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  const filters = reviewQueueFiltersSchema.parse({ product: first(raw.product), reason: first(raw.reason), age: first(raw.age), after: first(raw.after) });
  const [t, page, products] = await Promise.all([getTranslations("moderation"), listReviewQueue(user.id, filters), listReviewQueueProducts(user.id)]);
  const filtered = { ...filters, after: undefined };

  return (
    <div>
      <h1 className="text-2xl font-semibold">{t("queue.title")}</h1>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">{t("queue.intro")}</p>

      <form method="get" action={QUEUE_PATH} role="search" aria-label={t("queue.filters.label")} className="mt-6 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <div className="min-w-0">
            <label htmlFor="queue-product" className="block text-sm font-medium">
              {t("queue.filters.product")}
            </label>
            <select id="queue-product" name="product" defaultValue={filters.product ?? ""} className={FIELD_INPUT_CLASSES}>
              <option value="">{t("queue.filters.anyProduct")}</option>
              {products.map((product) => (
                <option key={product.slug} value={product.slug}>
                  {product.name} ({product.count})
                </option>
              ))}
            </select>
          </div>
          <div className="min-w-0">
            <label htmlFor="queue-reason" className="block text-sm font-medium">
              {t("queue.filters.reason")}
            </label>
            <select id="queue-reason" name="reason" defaultValue={filters.reason ?? ""} className={FIELD_INPUT_CLASSES}>
              <option value="">{t("queue.filters.anyReason")}</option>
              {QUEUE_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`queue.reasons.${reason}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="min-w-0">
            <label htmlFor="queue-age" className="block text-sm font-medium">
              {t("queue.filters.age")}
            </label>
            <select id="queue-age" name="age" defaultValue={filters.age ?? "any"} className={FIELD_INPUT_CLASSES}>
              {QUEUE_AGES.map((age) => (
                <option key={age} value={age}>
                  {t(`queue.filters.ages.${age}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="submit" className={buttonClasses("primary")}>
            {t("queue.filters.apply")}
          </button>
          <LinkButton href={QUEUE_PATH} variant="secondary">
            {t("queue.filters.reset")}
          </LinkButton>
        </div>
      </form>

      <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300">{t("queue.shortcutsHint")}</p>

      <ReviewQueue items={page.items} viewerId={user.id} />

      {(filters.after || page.nextCursor) && (
        <nav aria-label={t("queue.pagination")} className="mt-6 flex flex-wrap gap-2">
          {filters.after && (
            <LinkButton href={`${QUEUE_PATH}${queryOf(filtered)}`} variant="secondary">
              {t("queue.firstPage")}
            </LinkButton>
          )}
          {page.nextCursor && (
            <LinkButton href={`${QUEUE_PATH}${queryOf(filtered, page.nextCursor)}`} variant="secondary">
              {t("queue.nextPage")}
            </LinkButton>
          )}
        </nav>
      )}
    </div>
  );
}
