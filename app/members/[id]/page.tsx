import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/ui/pagination";
import { memberPath, postPath } from "@/lib/discussions/discussion-paths";
import { countPages, isPageInRange, parsePageParam } from "@/lib/pagination";
import { getShopName } from "@/server/catalog/get-shop-name";
import { getMemberProfile } from "@/server/members/get-member-profile";
import { listMemberPosts } from "@/server/members/list-member-posts";

const POSTS_PER_PAGE = 20;

// generateMetadata and the page both need the profile: one query per request.
const loadProfile = cache(getMemberProfile);

type MemberPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const pageHref = (userId: string, page: number) => (page > 1 ? `${memberPath(userId)}?page=${page}` : memberPath(userId));

export async function generateMetadata({ params, searchParams }: MemberPageProps): Promise<Metadata> {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const page = parsePageParam(query.page);
  const profile = await loadProfile(id);
  if (!profile || page === null || !isPageInRange(page, countPages(profile.postCount, POSTS_PER_PAGE))) notFound();
  const t = await getTranslations("discussions.markdown.member");
  const name = profile.displayName ?? t("fallbackName");
  return {
    title: page > 1 ? t("titleWithPage", { name, page }) : name,
    description: t("metaDescription", { name, shop: getShopName() }),
    alternates: { canonical: pageHref(profile.id, page) },
    // Threads are what people search for; a list of one person's activity is not worth indexing.
    robots: { index: false, follow: true },
  };
}

export default async function MemberPage({ params, searchParams }: MemberPageProps) {
  await connection();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const page = parsePageParam(query.page);
  if (page === null) notFound();
  const [profile, posts] = await Promise.all([loadProfile(id), listMemberPosts({ userId: id, page, pageSize: POSTS_PER_PAGE })]);
  if (!profile || !isPageInRange(page, posts.pageCount)) notFound();
  const [t, format] = await Promise.all([getTranslations("discussions.markdown.member"), getFormatter()]);

  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">{profile.displayName ?? t("fallbackName")}</h1>
      {profile.memberSince && (
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">{t("memberSince", { date: format.dateTime(profile.memberSince, { dateStyle: "long" }) })}</p>
      )}

      <section aria-labelledby="member-posts-heading" className="mt-8">
        <h2 id="member-posts-heading" className="text-lg font-semibold">
          {t("postsHeading")}
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("postCount", { count: posts.total })}</p>
        {posts.items.length > 0 && (
          <ol className="mt-4 divide-y divide-zinc-200 border-y border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {posts.items.map((post) => (
              <li key={post.postId} className="py-3">
                <Link
                  href={postPath(post.thread.id, post.thread.slug, post.postId)}
                  className="font-medium break-words text-brand-700 underline decoration-1 underline-offset-4 hover:decoration-2 dark:text-brand-300"
                >
                  {post.thread.title}
                </Link>
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                  {post.isOpening ? t(`action.${post.thread.kind}`) : t("action.reply")}
                  {" · "}
                  {t("aboutProduct", { product: post.thread.productName })}
                  {" · "}
                  <time dateTime={post.createdAt.toISOString()}>{format.dateTime(post.createdAt, { dateStyle: "medium" })}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <Pagination page={page} pageCount={posts.pageCount} hrefForPage={(target) => pageHref(profile.id, target)} />
    </>
  );
}
