import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { threadPath } from "@/lib/discussions/discussion-paths";
import { getPostReader } from "@/server/discussions/get-post-reader";
import { getThread } from "@/server/discussions/get-thread";
import { redirectMergedThread } from "@/server/moderation/redirect-merged-thread";

type ThreadIdPageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/t/<id>` without a slug: send readers (and crawlers) to the one canonical address. */
export default async function ThreadIdPage({ params, searchParams }: ThreadIdPageProps) {
  await connection();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const thread = await getThread(id, await getPostReader());
  if (!thread) {
    await redirectMergedThread(id, query.post);
    notFound();
  }
  const post = typeof query.post === "string" ? query.post : null;
  permanentRedirect(post ? `${threadPath(thread.id, thread.slug)}?post=${encodeURIComponent(post)}#post-${encodeURIComponent(post)}` : threadPath(thread.id, thread.slug));
}
