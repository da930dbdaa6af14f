import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";

// A proxy's id is kept so a ledger row can be matched to access logs; anything unusual (too
// long, odd characters) is replaced rather than stored.
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/**
 * The id that ties what this request wrote to the logs: the incoming `x-request-id` when it is
 * well formed, otherwise a fresh UUID. Pass `source` in route handlers (the request's headers);
 * server actions and components omit it and the current request's headers are read.
 */
export async function getRequestId(source?: Headers): Promise<string> {
  const incoming = (source ?? (await headers())).get("x-request-id")?.trim();
  return incoming && WELL_FORMED_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
