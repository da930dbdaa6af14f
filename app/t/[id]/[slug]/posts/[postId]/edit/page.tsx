import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { EditPostForm } from "@/components/discussions/edit-post-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { TextLink } from "@/components/ui/text-link";
import { postPath, threadPath } from "@/lib/discussions/discussion-paths";
import { editPostPath } from "@/lib/discussions/post-edit-paths";
import { requireUser } from "@/server/auth/require-user";
import { getPostForEdit } from "@/server/discussions/get-post-for-edit";

type EditPostPageProps = { params: Promise<{ id: string; slug: string; postId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("discussions.write.edit");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function EditPostPage({ params }: EditPostPageProps) {
  await connection();
  const { id, postId } = await params;
  const post = await getPostForEdit(postId);
  if (!post || post.thread.id !== id) notFound();
  const { thread } = post;
  const user = await requireUser(editPostPath(thread.id, thread.slug, post.id));
  const t = await getTranslations("discussions.write.edit");
  const backHref = postPath(thread.id, thread.slug, post.id);
  // Checked again by editPost when the form is sent; here it only decides what to show.
  const refusal = post.authorId !== user.id ? t("notAuthor") : post.deletedAt || thread.deletedAt ? t("deleted") : null;

  return (
    <>
      <Breadcrumbs trail={[{ label: thread.title, href: threadPath(thread.id, thread.slug) }]} current={t("metaTitle")} />
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("heading")}</h1>
      {refusal ? (
        <p className="mt-4 max-w-prose text-zinc-700 dark:text-zinc-300">
          {refusal} <TextLink href={backHref}>{t("back")}</TextLink>
        </p>
      ) : (
        <>
          <p className="mt-3 max-w-prose text-zinc-700 dark:text-zinc-300">{t("intro")}</p>
          <EditPostForm postId={post.id} title={post.isOpening ? thread.title : null} bodyMarkdown={post.bodyMarkdown} cancelHref={backHref} />
        </>
      )}
    </>
  );
}
