import { createHmac, randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { E2E } from "./ports";

/** Signs a shop webhook exactly as docs/webhooks.md tells a shop to, independently of the app's code. */
export function signedShopHeaders(body: string, timestamp = Math.floor(Date.now() / 1000), secret: string = E2E.shopWebhookSecret) {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return { "content-type": "application/json", "x-entraide-timestamp": String(timestamp), "x-entraide-signature": `sha256=${signature}` };
}

export function uniqueEmail(prefix = "buyer"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.com`;
}

export function orderPayload(email: string, overrides: { orderId?: string; sku?: string; quantity?: number } = {}) {
  return {
    orderId: overrides.orderId ?? `E2E-${randomBytes(6).toString("hex")}`,
    purchasedAt: new Date().toISOString(),
    customer: { email, name: "Test Buyer", locale: "en" },
    // A product the demo seed always has.
    items: [{ sku: overrides.sku ?? "OCT-SSD-N4-1T", quantity: overrides.quantity ?? 1 }],
  };
}

export async function postOrder(request: APIRequestContext, payload: unknown) {
  const body = JSON.stringify(payload);
  const response = await request.post("/api/webhooks/purchases", { data: Buffer.from(body), headers: signedShopHeaders(body) });
  return { status: response.status(), json: (await response.json()) as Record<string, unknown> };
}
