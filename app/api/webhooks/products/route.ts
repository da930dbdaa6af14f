import { productSyncSchema } from "@/lib/catalog/product-sync-schema";
import { upsertProducts } from "@/server/catalog/upsert-products";
import { internalErrorResponse } from "@/server/http/internal-error-response";
import { methodNotAllowedResponse } from "@/server/http/method-not-allowed-response";
import { validationProblemResponse } from "@/server/http/validation-problem-response";
import { limitRequestRate } from "@/server/http/rate-limit-request";
import { readShopWebhook } from "@/server/webhooks/read-shop-webhook";

/** Catalog sync from the shop: see docs/webhooks.md for the contract and signing. */

// OPTIONS is answered explicitly: Next's automatic answer would list the 405 stubs below too.
const ALLOWED_METHODS = ["PUT", "OPTIONS"] as const;

export async function PUT(request: Request): Promise<Response> {
  try {
    // Per IP and before the signature is checked: a flood costs no HMAC or body parsing.
    const limited = await limitRequestRate("shop-webhook", request);
    if (limited) return limited;
    const read = await readShopWebhook(request);
    if (!read.ok) return read.response;

    const parsed = productSyncSchema.safeParse(read.body);
    if (!parsed.success) return validationProblemResponse(parsed.error);

    const summary = await upsertProducts(parsed.data.products);
    return Response.json(summary, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return internalErrorResponse(error, "catalog sync webhook");
  }
}

export async function OPTIONS(): Promise<Response> {
  return new Response(null, { status: 204, headers: { Allow: ALLOWED_METHODS.join(", ") } });
}

const notAllowed = async (): Promise<Response> => methodNotAllowedResponse(ALLOWED_METHODS);
export { notAllowed as GET, notAllowed as HEAD, notAllowed as POST, notAllowed as PATCH, notAllowed as DELETE };
