import "server-only";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { countPages, type Paged } from "@/lib/pagination";
import { PERSONAL_EVENTS, type PersonalEvent } from "@/lib/preferences/alert-vocabulary";
import { getPersonalEventPreferences } from "@/server/preferences/get-personal-event-preferences";
import { listAlertSubscriptions, type AlertSubscriptionView } from "@/server/preferences/list-alert-subscriptions";
import { requirePermission } from "./require-permission";

export const MEMBER_POSTS_PAGE_SIZE = 20;
const FLAGS_SHOWN = 50;

export type MemberPostItem = {
  id: string;
  threadId: string;
  threadSlug: string;
  threadTitle: string;
  isOpening: boolean;
  excerpt: string;
  createdAt: Date;
  visibility: "VISIBLE" | "PENDING_REVIEW" | "HIDDEN";
  deleted: boolean;
};

export type MemberFlagItem = {
  id: string;
  postId: string;
  threadId: string;
  threadSlug: string;
  threadTitle: string;
  reason: "SPAM" | "OFF_TOPIC" | "ABUSIVE" | "OTHER";
  note: string | null;
  createdAt: Date;
  /** Who flagged (for flags the member received) or whose post (for flags they raised). */
  otherName: string | null;
};

export type SanctionHistoryItem = {
  id: string;
  kind: "WARNING" | "SILENCE" | "SUSPENSION";
  reason: string;
  startsAt: Date;
  endsAt: Date | null;
  createdByName: string | null;
  revokedAt: Date | null;
  revokedByName: string | null;
  revokeReason: string | null;
  /** In force now (warnings: not revoked). */
  active: boolean;
};

export type MemberModerationView = {
  member: { id: string; displayName: string | null; email: string; role: "MEMBER" | "MODERATOR" | "ADMIN"; isMember: boolean; memberSince: Date | null; createdAt: Date };
  posts: Paged<MemberPostItem>;
  flagsRaised: MemberFlagItem[];
  flagsReceived: MemberFlagItem[];
  sanctions: SanctionHistoryItem[];
  /** What a moderator may record a withdrawal of: their current subscriptions and personal e-mail switches that are on. */
  withdrawable: { subscriptions: AlertSubscriptionView[]; personalEmail: PersonalEvent[] };
};

const EXCERPT_LENGTH = 160;
const excerptOf = (markdown: string) => (markdown.length > EXCERPT_LENGTH ? `${markdown.slice(0, EXCERPT_LENGTH - 1)}…` : markdown);

/**
 * Everything a moderator ("member.view") looks at before acting on a member: who they are, their
 * posts (every visibility, deleted ones included, newest first, paginated), the flags they raised
 * and received (latest 50 each), their whole sanctions history, and the subscriptions / personal
 * e-mail switches a withdrawal could be recorded for. NOT_FOUND for unknown or deleted accounts.
 */
export async function getMemberModerationView(input: { actorId: string | null; memberId: string; postsPage: number }): Promise<MemberModerationView> {
  await requirePermission(input.actorId, "member.view");
  const member = await db().user.findFirst({
    where: { id: input.memberId, deletedAt: null },
    select: { id: true, displayName: true, email: true, role: true, isMember: true, memberSince: true, createdAt: true },
  });
  if (!member) throw new AppError("NOT_FOUND", { details: { field: "memberId" } });
  const page = Math.max(1, input.postsPage);
  const now = new Date();
  const flagSelect = {
    id: true,
    reason: true,
    note: true,
    createdAt: true,
    post: { select: { id: true, thread: { select: { id: true, slug: true, title: true } }, author: { select: { displayName: true } } } },
    flagger: { select: { displayName: true } },
  } as const;

  const [postTotal, posts, raised, received, sanctions, subscriptions, personal] = await Promise.all([
    db().post.count({ where: { authorId: member.id } }),
    db().post.findMany({
      where: { authorId: member.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * MEMBER_POSTS_PAGE_SIZE,
      take: MEMBER_POSTS_PAGE_SIZE,
      select: { id: true, isOpening: true, bodyMarkdown: true, createdAt: true, visibility: true, deletedAt: true, thread: { select: { id: true, slug: true, title: true } } },
    }),
    db().postFlag.findMany({ where: { flaggerId: member.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: FLAGS_SHOWN, select: flagSelect }),
    db().postFlag.findMany({ where: { post: { authorId: member.id } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: FLAGS_SHOWN, select: flagSelect }),
    db().sanction.findMany({
      where: { userId: member.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        kind: true,
        reason: true,
        startsAt: true,
        endsAt: true,
        revokedAt: true,
        revokeReason: true,
        createdBy: { select: { displayName: true } },
        revokedBy: { select: { displayName: true } },
      },
    }),
    listAlertSubscriptions({ userId: member.id, page: 1 }),
    getPersonalEventPreferences(member.id),
  ]);

  const toFlag = (flag: (typeof raised)[number], other: "flagger" | "author"): MemberFlagItem => ({
    id: flag.id,
    postId: flag.post.id,
    threadId: flag.post.thread.id,
    threadSlug: flag.post.thread.slug,
    threadTitle: flag.post.thread.title,
    reason: flag.reason,
    note: flag.note,
    createdAt: flag.createdAt,
    otherName: other === "flagger" ? flag.flagger.displayName : flag.post.author.displayName,
  });

  return {
    member,
    posts: {
      items: posts.map((post) => ({
        id: post.id,
        threadId: post.thread.id,
        threadSlug: post.thread.slug,
        threadTitle: post.thread.title,
        isOpening: post.isOpening,
        excerpt: excerptOf(post.bodyMarkdown),
        createdAt: post.createdAt,
        visibility: post.visibility,
        deleted: post.deletedAt !== null,
      })),
      page,
      pageSize: MEMBER_POSTS_PAGE_SIZE,
      total: postTotal,
      pageCount: countPages(postTotal, MEMBER_POSTS_PAGE_SIZE),
    },
    flagsRaised: raised.map((flag) => toFlag(flag, "author")),
    flagsReceived: received.map((flag) => toFlag(flag, "flagger")),
    sanctions: sanctions.map((sanction) => ({
      id: sanction.id,
      kind: sanction.kind,
      reason: sanction.reason,
      startsAt: sanction.startsAt,
      endsAt: sanction.endsAt,
      createdByName: sanction.createdBy.displayName,
      revokedAt: sanction.revokedAt,
      revokedByName: sanction.revokedBy?.displayName ?? null,
      revokeReason: sanction.revokeReason,
      active: sanction.revokedAt === null && sanction.startsAt <= now && (sanction.endsAt === null || sanction.endsAt > now),
    })),
    withdrawable: {
      subscriptions: subscriptions.items.filter((subscription) => !subscription.muted && (subscription.level !== "NORMAL" || subscription.email)),
      personalEmail: personal.filter((preference) => preference.email && PERSONAL_EVENTS.includes(preference.event)).map((preference) => preference.event),
    },
  };
}
