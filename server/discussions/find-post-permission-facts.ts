import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";

export type PostPermissionFacts = {
  id: string;
  authorId: string;
  isOpening: boolean;
  editedAt: Date | null;
  deletedAt: Date | null;
  visibility: "VISIBLE" | "PENDING_REVIEW" | "HIDDEN";
  thread: { id: string; slug: string; kind: "QUESTION" | "TIP" | "DISCUSSION"; authorId: string; acceptedPostId: string | null; deletedAt: Date | null };
};

type Pending = { ids: Set<string>; result: Promise<Map<string, PostPermissionFacts>> };

/**
 * One batch per request: a thread page renders an actions block per post, each asking for its
 * own post. Requests made in the same tick are answered by a single query (id IN …) instead of
 * one query per post.
 */
const requestBatches = cache(() => ({ pending: null as Pending | null }));

function loadMany(ids: string[]): Promise<Map<string, PostPermissionFacts>> {
  return db()
    .post.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        authorId: true,
        isOpening: true,
        editedAt: true,
        deletedAt: true,
        visibility: true,
        thread: { select: { id: true, slug: true, kind: true, authorId: true, acceptedPostId: true, deletedAt: true } },
      },
    })
    .then((rows) => new Map(rows.map((row) => [row.id, row])));
}

/** What deciding who may edit, delete or accept a post needs, or null for an unknown post. */
export async function findPostPermissionFacts(postId: string): Promise<PostPermissionFacts | null> {
  const batches = requestBatches();
  if (!batches.pending) {
    const ids = new Set<string>();
    const result = new Promise<Map<string, PostPermissionFacts>>((resolve, reject) => {
      // Let sibling components queue their ids before the query leaves.
      setTimeout(() => {
        batches.pending = null;
        loadMany([...ids]).then(resolve, reject);
      }, 0);
    });
    batches.pending = { ids, result };
  }
  batches.pending.ids.add(postId);
  return (await batches.pending.result).get(postId) ?? null;
}
