import "server-only";
import { problemResponse } from "./problem-response";

/** 405 with the Allow header RFC 9110 requires. */
export function methodNotAllowedResponse(allowed: readonly string[]): Response {
  return problemResponse({
    status: 405,
    detail: `This endpoint accepts ${allowed.join(", ")} only.`,
    headers: { Allow: allowed.join(", ") },
  });
}
