import { getTranslations } from "next-intl/server";
import { findActiveSanctions } from "@/server/moderation/find-active-sanctions";

/**
 * On the member's own account page: the sanctions in force (and recent warnings), each with its
 * reason and end, as a moderator wrote them. Nothing when there are none.
 */
export async function MemberActiveSanctions({ userId }: { userId: string }) {
  const sanctions = await findActiveSanctions(userId);
  if (sanctions.length === 0) return null;
  const t = await getTranslations("moderation.members");
  return (
    <section aria-labelledby="account-sanctions-title" className="mt-8 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <h2 id="account-sanctions-title" className="text-lg font-semibold">
        {t("account.heading")}
      </h2>
      <ul className="mt-2 flex flex-col gap-3">
        {sanctions.map((sanction) => (
          <li key={sanction.id}>
            <p className="font-medium">{t(`detail.kind.${sanction.kind}`)}</p>
            <p className="text-sm">{t(`account.effect.${sanction.kind}`)}</p>
            <p className="text-sm">
              {sanction.kind === "WARNING"
                ? t("detail.warningOn", { start: sanction.startsAt })
                : sanction.endsAt
                  ? t("account.until", { end: sanction.endsAt })
                  : t("account.indefinite")}
            </p>
            <p className="text-sm break-words">{t("account.reason", { reason: sanction.reason })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
