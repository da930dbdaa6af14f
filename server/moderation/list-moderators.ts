import "server-only";
import { db } from "@/server/db/client";
import { requirePermission } from "./require-permission";

export type ModeratorView = { id: string; displayName: string | null; email: string; role: "MODERATOR" | "ADMIN" };

/** Everyone who moderates (moderators and admins, not deleted), admins first. Needs "moderators.manage". */
export async function listModerators(actorId: string | null): Promise<ModeratorView[]> {
  await requirePermission(actorId, "moderators.manage");
  const rows = await db().user.findMany({
    where: { role: { in: ["MODERATOR", "ADMIN"] }, deletedAt: null },
    orderBy: [{ role: "desc" }, { email: "asc" }],
    select: { id: true, displayName: true, email: true, role: true },
    take: 500,
  });
  return rows.map((row) => ({ ...row, role: row.role === "ADMIN" ? "ADMIN" : "MODERATOR" }));
}
