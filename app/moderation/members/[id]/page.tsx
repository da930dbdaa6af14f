import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { MemberFlagList, MemberPostList } from "@/components/moderation/member-activity";
import { MemberSanctionActions } from "@/components/moderation/member-sanction-actions";
import { MemberSanctionHistory } from "@/components/moderation/member-sanction-history";
import { MemberWithdrawalForm } from "@/components/moderation/member-withdrawal-form";
import { Pagination } from "@/components/ui/pagination";
import { hasPermission } from "@/lib/moderation/permissions";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { requireUser } from "@/server/auth/require-user";
import { isAppError } from "@/server/errors/app-error";
import { getMemberModerationView, type MemberModerationView } from "@/server/moderation/get-member-moderation-view";
import { requirePermissionOrNotFound } from "@/server/moderation/require-permission-or-not-found";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation.members");
  return { title: t("title") };
}

const memberPath = (id: string) => `/moderation/members/${id}`;

export default async function ModerationMemberPage({ params, searchParams }: Props) {
  await connection();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const user = await requireUser(memberPath(id));
  const viewer = await requirePermissionOrNotFound(user.id, "member.view");
  const page = parsePageParam(query.page);
  if (page === null) notFound();
  let view: MemberModerationView;
  try {
    view = await getMemberModerationView({ actorId: user.id, memberId: id, postsPage: page });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  }
  if (!isPageInRange(page, view.posts.pageCount)) notFound();
  const t = await getTranslations("moderation.members");
  const { member } = view;
  const canRevoke = hasPermission(viewer.role, "member.warn") || hasPermission(viewer.role, "member.silence") || hasPermission(viewer.role, "member.suspend");
  const heading = "text-lg font-semibold";
  const section = "mt-8";

  return (
    <div>
      <p className="text-sm">
        <Link href="/moderation/members" className="underline underline-offset-4 hover:decoration-2">
          {t("detail.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold break-words">{member.displayName ?? t("unnamed")}</h1>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("detail.email")}</dt>
        <dd className="break-all">{member.email}</dd>
        <dt className="font-medium">{t("detail.role")}</dt>
        <dd>{t(`role.${member.role}`)}</dd>
        <dt className="font-medium">{t("detail.joined")}</dt>
        <dd>{t("detail.warningOn", { start: member.createdAt })}</dd>
        <dt className="font-medium">{t("detail.memberSince")}</dt>
        <dd>{member.isMember && member.memberSince ? t("detail.warningOn", { start: member.memberSince }) : t("detail.notMember")}</dd>
      </dl>

      <section aria-labelledby="member-actions" className={section}>
        <h2 id="member-actions" className={heading}>
          {t("detail.actionsHeading")}
        </h2>
        <MemberSanctionActions memberId={member.id} memberRole={member.role} viewer={{ id: viewer.id, role: viewer.role }} />
      </section>

      <section aria-labelledby="member-sanctions" className={section}>
        <h2 id="member-sanctions" className={heading}>
          {t("detail.sanctionsHeading")}
        </h2>
        <MemberSanctionHistory memberId={member.id} sanctions={view.sanctions} canRevoke={canRevoke && member.id !== viewer.id} />
      </section>

      <section aria-labelledby="member-posts" className={section}>
        <h2 id="member-posts" className={heading}>
          {t("detail.postsHeading", { count: view.posts.total })}
        </h2>
        <MemberPostList posts={view.posts.items} />
        <Pagination page={page} pageCount={view.posts.pageCount} hrefForPage={(target) => (target > 1 ? `${memberPath(member.id)}?page=${target}` : memberPath(member.id))} />
      </section>

      <section aria-labelledby="member-flags-received" className={section}>
        <h2 id="member-flags-received" className={heading}>
          {t("detail.flagsReceivedHeading")}
        </h2>
        <MemberFlagList flags={view.flagsReceived} other="flaggedBy" />
      </section>

      <section aria-labelledby="member-flags-raised" className={section}>
        <h2 id="member-flags-raised" className={heading}>
          {t("detail.flagsRaisedHeading")}
        </h2>
        <MemberFlagList flags={view.flagsRaised} other="postBy" />
      </section>

      {hasPermission(viewer.role, "member.recordWithdrawal") && (
        <section aria-labelledby="member-withdrawal" className={section}>
          <h2 id="member-withdrawal" className={heading}>
            {t("detail.withdrawal.heading")}
          </h2>
          <MemberWithdrawalForm memberId={member.id} withdrawable={view.withdrawable} />
        </section>
      )}
    </div>
  );
}
