import "server-only";
import { env } from "../env";
import { BodyTooLargeError, readBodyWithLimit } from "../http/read-body-with-limit";
import { PROBLEM_TYPES, problemResponse } from "../http/problem-response";
import {
  SHOP_SIGNATURE_HEADER,
  SHOP_SIGNATURE_TOLERANCE_SECONDS,
  SHOP_TIMESTAMP_HEADER,
  verifyShopSignature,
  type ShopSignatureFailure,
} from "./verify-shop-signature";

export const SHOP_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

export type ShopWebhookRead = { ok: true; body: unknown } | { ok: false; response: Response };

const SIGNATURE_FAILURE_DETAILS: Record<ShopSignatureFailure, string> = {
  "missing-timestamp": `The ${SHOP_TIMESTAMP_HEADER} header is missing.`,
  "malformed-timestamp": `The ${SHOP_TIMESTAMP_HEADER} header must be a Unix time in seconds.`,
  "stale-timestamp": `The ${SHOP_TIMESTAMP_HEADER} header is more than ${SHOP_SIGNATURE_TOLERANCE_SECONDS / 60} minutes away from the server's clock.`,
  "missing-signature": `The ${SHOP_SIGNATURE_HEADER} header is missing.`,
  "malformed-signature": `The ${SHOP_SIGNATURE_HEADER} header must look like "sha256=<64 hex digits>".`,
  "signature-mismatch": `The ${SHOP_SIGNATURE_HEADER} header does not match the request body.`,
};

const isJsonMediaType = (contentType: string | null): boolean => {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[\w.+-]+\+json$/.test(mediaType);
};

/**
 * Everything a shop webhook does before it looks at the payload, in this order: JSON media
 * type (415), size limit (413), signature over the raw bytes (401), JSON syntax (400).
 * Nothing is parsed until the signature holds, so unauthenticated input never reaches the
 * JSON parser.
 */
export async function readShopWebhook(request: Request, maxBodyBytes = SHOP_WEBHOOK_MAX_BODY_BYTES): Promise<ShopWebhookRead> {
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    return { ok: false, response: problemResponse({ status: 415, detail: "Send the body as application/json.", headers: { "Accept": "application/json" } }) };
  }

  let rawBody: Uint8Array;
  try {
    rawBody = await readBodyWithLimit(request, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return { ok: false, response: problemResponse({ status: 413, detail: `The body must not exceed ${maxBodyBytes} bytes; split the payload into several requests.` }) };
    }
    throw error;
  }

  const check = verifyShopSignature({
    rawBody,
    timestampHeader: request.headers.get(SHOP_TIMESTAMP_HEADER),
    signatureHeader: request.headers.get(SHOP_SIGNATURE_HEADER),
    secret: env().SHOP_WEBHOOK_SECRET,
  });
  if (!check.ok) {
    return {
      ok: false,
      response: problemResponse({
        status: 401,
        type: PROBLEM_TYPES.invalidSignature,
        title: "Invalid webhook signature",
        detail: SIGNATURE_FAILURE_DETAILS[check.reason],
      }),
    };
  }

  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(rawBody);
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    // The parser's message quotes the input back; a fixed sentence is enough to act on.
    return { ok: false, response: problemResponse({ status: 400, detail: "The body is not valid UTF-8 JSON." }) };
  }
}
