import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { TextLink } from "@/components/ui/text-link";
import { postPath, threadPath } from "@/lib/discussions/discussion-paths";
import { postRevisionsPath } from "@/lib/discussions/post-edit-paths";
import { isPageInRange, parsePageParam } from "@/lib/pagination";
import { listPostRevisions } from "@/server/discussions/list-post-revisions";

type RevisionsPageProps = {
  params: Promise<{ id: string; postId: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
};

const loadHistory = cache(listPostRevisions);

// Markdown source shown as text: earlier versions are never rendered as HTML, so they need no sanitizing.
const sourceClasses = "mt-2 overflow-x-auto rounded-md bg-zinc-50 p-3 font-mono text-sm whitespace-pre-wrap break-words dark:bg-zinc-950";

export async function generateMetadata({ params, searchParams }: RevisionsPageProps): Promise<Metadata> {
  const page = parsePageParam((await searchParams).page);
  const history = page === null ? null : await loadHistory((await params).postId, page);
  if (!history) notFound();
  const t = await getTranslations("discussions.write.revisions");
  return { title: t("metaTitle", { title: history.post.thread.title }), robots: { index: false } };
}

export default async function RevisionsPage({ params, searchParams }: RevisionsPageProps) {
  await connection();
  const { id, postId } = await params;
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();
  const history = await loadHistory(postId, page);
  if (!history || history.post.thread.id !== id) notFound();
  const { post, revisions } = history;
  if (!isPageInRange(page, revisions.pageCount)) notFound();
  const [t, format] = await Promise.all([getTranslations("discussions.write.revisions"), getFormatter()]);
  const { thread } = post;
  const hidden = post.deletedAt !== null || thread.deletedAt !== null;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <Breadcrumbs trail={[{ label: thread.title, href: threadPath(thread.id, thread.slug) }]} current={t("heading")} />
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("heading")}</h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        {t("inThread", { title: thread.title })} · <TextLink href={postPath(thread.id, thread.slug, post.id)}>{t("back")}</TextLink>
      </p>
      {hidden ? (
        <p className="mt-6 text-zinc-700 dark:text-zinc-300">{t("deleted")}</p>
      ) : (
        <ol className="mt-6 max-w-3xl space-y-4">
          {page === 1 && (
            <li>
              <Card as="section">
                <h2 className="font-semibold">
                  {t("current")}{" "}
                  <span className="font-normal text-zinc-600 dark:text-zinc-400">
                    (<time dateTime={(post.editedAt ?? post.createdAt).toISOString()}>{t("currentSince", { date: when(post.editedAt ?? post.createdAt) })}</time>)
                  </span>
                </h2>
                <pre lang={post.language} className={sourceClasses}>{post.bodyMarkdown}</pre>
              </Card>
            </li>
          )}
          {revisions.items.map((revision) => (
            <li key={revision.revision}>
              <Card as="section">
                <h2 className="font-semibold">
                  {t("version", { number: revision.revision })}{" "}
                  <span className="font-normal text-zinc-600 dark:text-zinc-400">
                    (<time dateTime={revision.replacedAt.toISOString()}>{t("replaced", { date: when(revision.replacedAt) })}</time>,{" "}
                    {t("editedBy", { name: revision.editorName ?? t("formerMember") })})
                  </span>
                </h2>
                {revision.title !== null && <p className="mt-2 font-medium break-words">{t("titleAtTheTime", { title: revision.title })}</p>}
                <pre lang={post.language} className={sourceClasses}>{revision.bodyMarkdown}</pre>
              </Card>
            </li>
          ))}
          {revisions.total === 0 && <li className="text-zinc-700 dark:text-zinc-300">{t("none")}</li>}
        </ol>
      )}
      <Pagination
        page={page}
        pageCount={revisions.pageCount}
        hrefForPage={(target) => (target === 1 ? postRevisionsPath(thread.id, thread.slug, post.id) : `${postRevisionsPath(thread.id, thread.slug, post.id)}?page=${target}`)}
      />
    </>
  );
}
