import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { threadPath } from "@/lib/discussions/discussion-paths";
import type { ThreadSummary } from "@/server/discussions/thread-summary";
import { SolvedBadge } from "./solved-badge";

type ThreadListProps = {
  threads: ThreadSummary[];
  /** Product pages leave it out: every thread there is about that product. */
  showProduct?: boolean;
  headingLevel?: "h2" | "h3";
};

/** A list of threads: kind, title link, solved badge, replies, last activity, author. */
export function ThreadList({ threads, showProduct = false, headingLevel: Heading = "h3" }: ThreadListProps) {
  const t = useTranslations("discussions.read");
  const format = useFormatter();
  return (
    <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {threads.map((thread) => (
        <li key={thread.id} className="px-3 py-3 sm:px-4">
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
              {t(`kind.${thread.kind}`)}
            </span>
            {thread.isSolved && <SolvedBadge />}
          </div>
          <Heading lang={thread.language} className="mt-1 text-base font-semibold break-words">
            <Link href={threadPath(thread.id, thread.slug)} className="text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
              {thread.title}
            </Link>
          </Heading>
          <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            <span>{t("replyCount", { count: thread.replyCount })}</span>
            <span>
              {t("lastActivity", { date: format.dateTime(thread.lastActivityAt, { dateStyle: "medium" }) })}
            </span>
            <span>{t("byAuthor", { name: thread.authorName ?? t("formerMember") })}</span>
            {showProduct && <span className="break-words">{thread.product.name}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
