import "server-only";
import { db } from "@/server/db/client";
import { countPages } from "@/lib/pagination";
import { ANONYMOUS_READER, postViewSelect, toPostView, type PostReader, type PostView } from "./post-view";

/** Nesting stops here; deeper replies are listed flat under their depth-3 ancestor. */
export const MAX_SHOWN_DEPTH = 3;

export type ReplyNode = PostView & {
  children: ReplyNode[];
  /** Set on replies deeper than MAX_SHOWN_DEPTH, whose parent is not the post they are shown under. */
  inReplyTo: { postId: string; authorName: string | null; isDeleted: boolean } | null;
};

export type ReplyPage = {
  replies: ReplyNode[];
  page: number;
  pageCount: number;
  topLevelCount: number;
  /** Authors on this page, for the one verified-owner query. */
  authorIds: string[];
};

export type ListThreadRepliesInput = {
  threadId: string;
  page: number;
  topLevelPerPage: number;
  /** Posts waiting for review or hidden keep their place, withheld (no body, no author) unless the reader is their author or a moderator. */
  reader?: PostReader;
};

/**
 * One page of a thread's replies: `topLevelPerPage` top-level replies (oldest first) with their
 * whole subtrees. Two queries whatever the thread's size, so a thread with thousands of replies
 * opens as fast as a short one.
 */
export async function listThreadReplies({ threadId, page, topLevelPerPage, reader = ANONYMOUS_READER }: ListThreadRepliesInput): Promise<ReplyPage> {
  const [topLevelCount, roots] = await Promise.all([
    db().post.count({ where: { threadId, depth: 1 } }),
    db().post.findMany({
      where: { threadId, depth: 1 },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * topLevelPerPage,
      take: topLevelPerPage,
      select: { id: true },
    }),
  ]);
  const pageCount = countPages(topLevelCount, topLevelPerPage);
  if (roots.length === 0) return { replies: [], page, pageCount, topLevelCount, authorIds: [] };

  const rows = await db().post.findMany({
    where: { threadId, rootReplyId: { in: roots.map((root) => root.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: postViewSelect,
  });
  const posts = rows.map((row) => toPostView(row, reader));
  return { replies: buildReplyTree(posts), page, pageCount, topLevelCount, authorIds: collectAuthorIds(posts) };
}

function collectAuthorIds(posts: PostView[]): string[] {
  return [...new Set(posts.flatMap((post) => (post.authorId ? [post.authorId] : [])))];
}

/** Posts must come oldest first; top-level replies keep the order they come in. */
export function buildReplyTree(posts: PostView[]): ReplyNode[] {
  const nodes = new Map<string, ReplyNode>();
  const roots: ReplyNode[] = [];
  for (const post of posts) nodes.set(post.id, { ...post, children: [], inReplyTo: null });

  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (!parent) {
      roots.push(node);
      continue;
    }
    if (node.depth <= MAX_SHOWN_DEPTH) {
      parent.children.push(node);
      continue;
    }
    node.inReplyTo = { postId: parent.id, authorName: parent.authorName, isDeleted: parent.isDeleted };
    shownAncestor(parent, nodes).children.push(node);
  }
  return roots;
}

/** The depth-3 post a deep reply is listed under. */
function shownAncestor(start: ReplyNode, nodes: Map<string, ReplyNode>): ReplyNode {
  let current = start;
  while (current.depth > MAX_SHOWN_DEPTH && current.parentId) {
    const parent = nodes.get(current.parentId);
    if (!parent) break;
    current = parent;
  }
  return current;
}
