import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/server/db/generated/prisma/client";

/**
 * The customer's unanswered invitation, now pointing at `orderId` (the page shows what was
 * bought), or a new one. One open invitation per person, however many orders they place.
 * The id is 128 random bits: the signed URL carries only it.
 */
export async function ensurePendingInvitation(tx: Prisma.TransactionClient, userId: string, orderId: string): Promise<string> {
  const open = await tx.invitation.findFirst({
    where: { userId, respondedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (open) {
    await tx.invitation.update({ where: { id: open.id }, data: { orderId }, select: { id: true } });
    return open.id;
  }
  const id = randomBytes(16).toString("base64url");
  await tx.invitation.create({ data: { id, userId, orderId }, select: { id: true } });
  return id;
}
