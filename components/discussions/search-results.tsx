import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { postPath, threadPath } from "@/lib/discussions/discussion-paths";
import type { SearchHit } from "@/server/discussions/search-posts";

/** Search hits. titleHtml/snippetHtml are escaped on the server except for <mark>. */
export function SearchResults({ hits }: { hits: SearchHit[] }) {
  const t = useTranslations("discussions.search");
  const tRead = useTranslations("discussions.read");
  const format = useFormatter();
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {hits.map((hit) => {
        const href = hit.matchedPostId ? postPath(hit.threadId, hit.threadSlug, hit.matchedPostId) : threadPath(hit.threadId, hit.threadSlug);
        return (
          <li key={hit.threadId} className="py-4">
            <article className="search-hit">
              <h3 className="text-lg font-semibold break-words">
                <Link href={href} className="text-brand-700 underline-offset-4 hover:underline dark:text-brand-300" dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
              </h3>
              <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
                <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">{tRead(`kind.${hit.kind}`)}</span>
                {hit.solved && (
                  <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-900 dark:bg-green-900 dark:text-green-100">{tRead("solved")}</span>
                )}
                <span>{hit.productName}</span>
                <span>{t("replyCount", { count: hit.replyCount })}</span>
                <span>{t("lastActivity", { date: format.dateTime(hit.lastActivityAt, { dateStyle: "medium" }) })}</span>
              </p>
              {hit.matchedPostId && <p className="mt-2 text-xs font-medium text-zinc-600 uppercase dark:text-zinc-400">{t("matchedReply")}</p>}
              <p className="mt-1 break-words text-zinc-800 dark:text-zinc-200" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}
