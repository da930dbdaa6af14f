import { getTranslations } from "next-intl/server";
import { lockThreadAction, mergeThreadAction, moveThreadAction, pinThreadAction } from "@/app/moderation/threads/actions";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { getThreadModerationState } from "@/server/moderation/get-thread-moderation-state";
import { ModerationActionForm, type ModerationField } from "./moderation-action-form";

const summaryClasses =
  "cursor-pointer rounded-md px-1 py-1 font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 dark:text-brand-300";

/**
 * The moderator toolbar on a thread page: lock/unlock, pin/unpin, move to another product, merge
 * into another thread, each with a reason. Rendered only for people holding at least one thread
 * permission (read from the database); each action checks its own permission again.
 */
export async function ThreadModerationTools({ threadId }: { threadId: string }) {
  const user = await getCurrentUser();
  const state = await getThreadModerationState(user?.id ?? null, threadId);
  if (!state) return null;
  const t = await getTranslations("moderation.thread");
  const reason: ModerationField = { kind: "textarea", name: "reason", label: t("reason"), hint: t("reasonHint"), required: true };
  const can = (permission: (typeof state.allowed)[number]) => state.allowed.includes(permission);
  const lockKey = state.locked ? "unlock" : "lock";
  const pinKey = state.pinned ? "unpin" : "pin";

  return (
    <section aria-labelledby="thread-moderation-heading" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950">
      <h2 id="thread-moderation-heading" className="text-base font-semibold">
        {t("toolsHeading")}
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {[state.locked ? t("state.locked") : null, state.pinned ? t("state.pinned") : null, t("toolsIntro")].filter(Boolean).join(" · ")}
      </p>
      <div className="mt-2 flex flex-col gap-2">
        {can("thread.lock") && (
          <details>
            <summary className={summaryClasses}>{t(`${lockKey}.summary`)}</summary>
            <ModerationActionForm
              action={lockThreadAction}
              hidden={{ threadId, state: state.locked ? "off" : "on" }}
              fields={[reason]}
              submitLabel={t(`${lockKey}.submit`)}
              pendingLabel={t("working")}
            />
          </details>
        )}
        {can("thread.pin") && (
          <details>
            <summary className={summaryClasses}>{t(`${pinKey}.summary`)}</summary>
            <ModerationActionForm
              action={pinThreadAction}
              hidden={{ threadId, state: state.pinned ? "off" : "on" }}
              fields={[reason]}
              submitLabel={t(`${pinKey}.submit`)}
              pendingLabel={t("working")}
            />
          </details>
        )}
        {can("thread.move") && (
          <details>
            <summary className={summaryClasses}>{t("move.summary")}</summary>
            <ModerationActionForm
              action={moveThreadAction}
              hidden={{ threadId }}
              fields={[
                {
                  kind: "select",
                  name: "productSlug",
                  label: t("move.product"),
                  required: true,
                  defaultValue: state.productSlug,
                  options: state.products.map((product) => ({ value: product.slug, label: product.name, group: product.categoryName })),
                },
                reason,
              ]}
              submitLabel={t("move.submit")}
              pendingLabel={t("working")}
            />
          </details>
        )}
        {can("thread.merge") && (
          <details>
            <summary className={summaryClasses}>{t("merge.summary")}</summary>
            <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{t("merge.intro")}</p>
            <ModerationActionForm
              action={mergeThreadAction}
              hidden={{ threadId }}
              fields={[{ kind: "text", name: "target", label: t("merge.target"), hint: t("merge.targetHint"), required: true }, reason]}
              submitLabel={t("merge.submit")}
              pendingLabel={t("working")}
            />
          </details>
        )}
      </div>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{t("acceptHint")}</p>
    </section>
  );
}
