import "server-only";
import { db } from "@/server/db/client";

export type PostForEdit = {
  id: string;
  authorId: string;
  isOpening: boolean;
  bodyMarkdown: string;
  deletedAt: Date | null;
  thread: { id: string; slug: string; title: string; deletedAt: Date | null };
};

/** The post as its edit form needs it (Markdown source, thread title), or null when unknown. */
export function getPostForEdit(postId: string): Promise<PostForEdit | null> {
  return db().post.findUnique({
    where: { id: postId },
    select: { id: true, authorId: true, isOpening: true, bodyMarkdown: true, deletedAt: true, thread: { select: { id: true, slug: true, title: true, deletedAt: true } } },
  });
}
