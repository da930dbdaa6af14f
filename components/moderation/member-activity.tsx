import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { postPath } from "@/lib/discussions/discussion-paths";
import type { MemberFlagItem, MemberPostItem } from "@/server/moderation/get-member-moderation-view";

const badge = "rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200";

/** The member's posts (every visibility), each linking to its permalink. */
export async function MemberPostList({ posts }: { posts: MemberPostItem[] }) {
  const t = await getTranslations("moderation.members.detail");
  if (posts.length === 0) return <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("noPosts")}</p>;
  return (
    <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
      {posts.map((post) => (
        <li key={post.id} className="py-2">
          <p className="flex flex-wrap items-center gap-1.5 text-sm">
            <span className={badge}>{post.isOpening ? t("opening") : t("reply")}</span>
            {post.visibility !== "VISIBLE" && <span className={badge}>{t(`visibility.${post.visibility}`)}</span>}
            {post.deleted && <span className={badge}>{t("deleted")}</span>}
            <Link href={postPath(post.threadId, post.threadSlug, post.id)} className="break-words underline underline-offset-4 hover:decoration-2">
              {t("inThread", { title: post.threadTitle })}
            </Link>
            <span className="text-zinc-700 dark:text-zinc-300">{t("warningOn", { start: post.createdAt })}</span>
          </p>
          <p className="mt-1 text-sm break-words text-zinc-700 dark:text-zinc-300">{post.excerpt}</p>
        </li>
      ))}
    </ul>
  );
}

/** Flags raised by or about the member, latest first. */
export async function MemberFlagList({ flags, other }: { flags: MemberFlagItem[]; other: "flaggedBy" | "postBy" }) {
  const t = await getTranslations("moderation.members.detail");
  if (flags.length === 0) return <p className="mt-2 text-zinc-700 dark:text-zinc-300">{t("noFlags")}</p>;
  return (
    <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
      {flags.map((flag) => (
        <li key={flag.id} className="py-2 text-sm">
          <p className="flex flex-wrap items-center gap-1.5">
            <span className={badge}>{t(`flagReason.${flag.reason}`)}</span>
            <Link href={postPath(flag.threadId, flag.threadSlug, flag.postId)} className="break-words underline underline-offset-4 hover:decoration-2">
              {t("inThread", { title: flag.threadTitle })}
            </Link>
            <span className="text-zinc-700 dark:text-zinc-300">
              {t(other, { name: flag.otherName ?? t("someone") })} · {t("warningOn", { start: flag.createdAt })}
            </span>
          </p>
          {flag.note && <p className="mt-1 break-words text-zinc-700 dark:text-zinc-300">{flag.note}</p>}
        </li>
      ))}
    </ul>
  );
}
