import "server-only";
import type { Prisma } from "@/server/db/client";
import type { PostDisposal } from "@/lib/data-rights/delete-account-schema";

/**
 * EXTENSION POINT for account deletion: applies the person's choice to their questions, answers
 * and votes, inside the deletion transaction. There is no community content yet (discussions
 * arrive in a later issue), so today there is nothing to do. When posts exist:
 * - "keep-as-deleted-member": keep them; they already point at the user row, whose personal data
 *   the deletion erases, so pages show "deleted member" for an author with `deletedAt` set.
 * - "remove": delete them (and their votes), or mark them removed if replies must keep a parent.
 */
export async function disposeOfMemberPosts(_tx: Prisma.TransactionClient, _userId: string, _choice: PostDisposal): Promise<void> {}
