import "server-only";
import type { PurchaseOrder, PurchaseOrderResponse } from "@/lib/purchases/purchase-order-schema";
import { db, type Db } from "@/server/db/client";
import { buildInvitationUrl } from "@/server/invitations/build-invitation-url";
import { ensurePendingInvitation } from "@/server/invitations/ensure-pending-invitation";
import { isEmailSuppressed } from "@/server/mail/is-email-suppressed";
import { hashPurchaseOrder } from "./hash-purchase-order";
import { upsertCustomer } from "./upsert-customer";

export type RecordPurchaseOrderResult =
  | { outcome: "created" | "replayed"; response: PurchaseOrderResponse }
  | { outcome: "conflict" }
  | { outcome: "unknown-skus"; unknownSkus: { index: number; sku: string }[] };

/** Thrown inside the transaction to roll it back when another delivery recorded the order first. */
class OrderRecordedConcurrentlyError extends Error {}

/**
 * Records a shop order: the customer account (created or found by e-mail) and its purchases,
 * and nothing else — no membership, no consent, no subscription, no e-mail. Consent is only
 * ever given by the person, later, on our pages.
 *
 * Idempotent by orderId: the ShopOrder primary key is claimed in the same transaction as the
 * writes, so of two identical deliveries racing, one creates and the other (blocked on the key
 * until the first commits) rolls back and replays the stored answer. The same orderId with
 * different content is a conflict, never an update.
 */
export async function recordPurchaseOrder(order: PurchaseOrder, client: Db = db()): Promise<RecordPurchaseOrderResult> {
  const payloadSha256 = hashPurchaseOrder(order);
  const recorded = await answerForRecordedOrder(client, order.orderId, payloadSha256);
  if (recorded) return recorded;

  const products = await client.product.findMany({ where: { sku: { in: order.items.map((item) => item.sku) } }, select: { id: true, sku: true } });
  const productIdBySku = new Map(products.map((product) => [product.sku, product.id]));
  const unknownSkus = order.items.flatMap((item, index) => (productIdBySku.has(item.sku) ? [] : [{ index, sku: item.sku }]));
  if (unknownSkus.length > 0) return { outcome: "unknown-skus", unknownSkus };
  // A deleted account's address is never mailed again, not even a sign-in link, so an
  // invitation would lead to a sign-in that cannot happen: don't offer one.
  const suppressed = await isEmailSuppressed(order.customer.email);

  try {
    const response = await client.$transaction(
      async (tx) => {
        const customer = await upsertCustomer(tx, order.customer);
        // Members have nothing to be invited to; "don't invite me again" is respected for good.
        const invitationId =
          suppressed || customer.isMember || customer.invitationsDeclined ? null : await ensurePendingInvitation(tx, customer.id, order.orderId);
        const response: PurchaseOrderResponse = {
          orderId: order.orderId,
          purchases: order.items.length,
          invitationUrl: invitationId === null ? null : buildInvitationUrl(invitationId),
        };

        // skipDuplicates is ON CONFLICT DO NOTHING: 0 rows means another delivery holds the key.
        const claimed = await tx.shopOrder.createMany({
          data: [{ orderId: order.orderId, payloadSha256, userId: customer.id, purchasedAt: order.purchasedAt, response }],
          skipDuplicates: true,
        });
        if (claimed.count === 0) throw new OrderRecordedConcurrentlyError();

        await tx.purchase.createMany({
          data: order.items.map((item) => ({
            orderId: order.orderId,
            userId: customer.id,
            productId: productIdBySku.get(item.sku)!,
            quantity: item.quantity,
            purchasedAt: order.purchasedAt,
          })),
          // Purchases recorded before this webhook existed (imports, demo data) are kept as they are.
          skipDuplicates: true,
        });
        return response;
      },
      { timeout: 15_000, maxWait: 10_000 },
    );
    return { outcome: "created", response };
  } catch (error) {
    if (!(error instanceof OrderRecordedConcurrentlyError)) throw error;
    const answer = await answerForRecordedOrder(client, order.orderId, payloadSha256);
    if (!answer) throw new Error(`Order ${order.orderId} was claimed concurrently but is not recorded`);
    return answer;
  }
}

async function answerForRecordedOrder(client: Db, orderId: string, payloadSha256: string): Promise<RecordPurchaseOrderResult | null> {
  const recorded = await client.shopOrder.findUnique({ where: { orderId }, select: { payloadSha256: true, response: true } });
  if (!recorded) return null;
  if (recorded.payloadSha256 !== payloadSha256) return { outcome: "conflict" };
  const stored = recorded.response as PurchaseOrderResponse;
  // Rebuilt in the documented key order: JSONB does not keep the order keys were written in.
  return { outcome: "replayed", response: { orderId: stored.orderId, purchases: stored.purchases, invitationUrl: stored.invitationUrl } };
}
