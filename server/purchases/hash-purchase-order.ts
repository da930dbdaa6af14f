import "server-only";
import { createHash } from "node:crypto";
import type { PurchaseOrder } from "@/lib/purchases/purchase-order-schema";

/**
 * Hex SHA-256 of the order's canonical form: validated values (trimmed, lower-cased e-mail,
 * UTC instant), fixed key order, items sorted by SKU. A retry the shop serialises differently
 * (spacing, key order, "+01:00" instead of "Z") is the same order; any change of substance is not.
 */
export function hashPurchaseOrder(order: PurchaseOrder): string {
  const canonical = {
    orderId: order.orderId,
    purchasedAt: order.purchasedAt.toISOString(),
    customer: { email: order.customer.email, name: order.customer.name, locale: order.customer.locale },
    items: [...order.items].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)).map((item) => ({ sku: item.sku, quantity: item.quantity })),
  };
  return createHash("sha256").update(JSON.stringify(canonical), "utf8").digest("hex");
}
