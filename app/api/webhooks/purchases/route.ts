import { purchaseOrderSchema } from "@/lib/purchases/purchase-order-schema";
import { internalErrorResponse } from "@/server/http/internal-error-response";
import { methodNotAllowedResponse } from "@/server/http/method-not-allowed-response";
import { PROBLEM_TYPES, problemResponse } from "@/server/http/problem-response";
import { validationProblemResponse } from "@/server/http/validation-problem-response";
import { recordPurchaseOrder } from "@/server/purchases/record-purchase-order";
import { limitRequestRate } from "@/server/http/rate-limit-request";
import { readShopWebhook } from "@/server/webhooks/read-shop-webhook";

/** Purchases from the shop: see docs/webhooks.md for the contract, idempotency and signing. */

const ALLOWED_METHODS = ["POST", "OPTIONS"] as const;
const ORDER_CONFLICT_TYPE = "tag:entraide,2025:problem/order-conflict";
const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  try {
    // Per IP and before the signature is checked: a flood costs no HMAC or body parsing.
    const limited = await limitRequestRate("shop-webhook", request);
    if (limited) return limited;
    const read = await readShopWebhook(request);
    if (!read.ok) return read.response;

    const parsed = purchaseOrderSchema.safeParse(read.body);
    if (!parsed.success) return validationProblemResponse(parsed.error);

    const result = await recordPurchaseOrder(parsed.data);
    switch (result.outcome) {
      case "created":
        return Response.json(result.response, { status: 201, headers: NO_STORE });
      case "replayed":
        return Response.json(result.response, { status: 200, headers: NO_STORE });
      case "conflict":
        return problemResponse({
          status: 409,
          type: ORDER_CONFLICT_TYPE,
          title: "Order already recorded with different content",
          detail: `Order ${JSON.stringify(parsed.data.orderId)} was already recorded with a different body. An order is never changed; send a new orderId for a new order.`,
        });
      case "unknown-skus":
        return problemResponse({
          status: 422,
          type: PROBLEM_TYPES.validationFailed,
          title: "Unknown products",
          detail: `Unknown SKUs: ${result.unknownSkus.map((item) => item.sku).join(", ")}. Sync them with PUT /api/webhooks/products first; nothing was recorded.`,
          errors: result.unknownSkus.map((item) => ({ pointer: `/items/${item.index}/sku`, detail: `unknown sku ${JSON.stringify(item.sku)}` })),
        });
    }
  } catch (error) {
    return internalErrorResponse(error, "purchase webhook");
  }
}

export async function OPTIONS(): Promise<Response> {
  return new Response(null, { status: 204, headers: { Allow: ALLOWED_METHODS.join(", ") } });
}

const notAllowed = async (): Promise<Response> => methodNotAllowedResponse(ALLOWED_METHODS);
export { notAllowed as GET, notAllowed as HEAD, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
