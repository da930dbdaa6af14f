import "server-only";
import { countPages, type Paged } from "@/lib/pagination";
import { db } from "@/server/db/client";

export const REVISIONS_PAGE_SIZE = 20;

export type PostRevisionEntry = {
  revision: number;
  /** The thread title at that time (opening posts only). */
  title: string | null;
  bodyMarkdown: string;
  /** When this version was replaced by the next one. */
  replacedAt: Date;
  editorName: string | null;
};

export type PostRevisionHistory = {
  post: {
    id: string;
    isOpening: boolean;
    language: "en" | "fr";
    bodyMarkdown: string;
    editedAt: Date | null;
    deletedAt: Date | null;
    createdAt: Date;
    thread: { id: string; slug: string; title: string; deletedAt: Date | null };
  };
  revisions: Paged<PostRevisionEntry>;
};

/**
 * A post's earlier versions, newest first, one page at a time (public, like the post). Null when
 * the post does not exist. The text of a deleted post is not shown by the page, so it is not
 * returned either.
 */
export async function listPostRevisions(postId: string, page = 1): Promise<PostRevisionHistory | null> {
  const post = await db().post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      isOpening: true,
      language: true,
      bodyMarkdown: true,
      editedAt: true,
      deletedAt: true,
      createdAt: true,
      thread: { select: { id: true, slug: true, title: true, deletedAt: true } },
    },
  });
  if (!post) return null;
  const hidden = post.deletedAt !== null || post.thread.deletedAt !== null;
  const [total, rows] = hidden
    ? [0, []]
    : await Promise.all([
        db().postRevision.count({ where: { postId } }),
        db().postRevision.findMany({
          where: { postId },
          select: { revision: true, title: true, bodyMarkdown: true, createdAt: true, editor: { select: { displayName: true, deletedAt: true } } },
          orderBy: { revision: "desc" },
          skip: (page - 1) * REVISIONS_PAGE_SIZE,
          take: REVISIONS_PAGE_SIZE,
        }),
      ]);
  return {
    post: { ...post, bodyMarkdown: hidden ? "" : post.bodyMarkdown },
    revisions: {
      items: rows.map((row) => ({
        revision: row.revision,
        title: row.title,
        bodyMarkdown: row.bodyMarkdown,
        replacedAt: row.createdAt,
        editorName: row.editor.deletedAt ? null : row.editor.displayName,
      })),
      page,
      pageSize: REVISIONS_PAGE_SIZE,
      total,
      pageCount: countPages(total, REVISIONS_PAGE_SIZE),
    },
  };
}
