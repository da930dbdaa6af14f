import "server-only";
import { isAppError } from "@/server/errors/app-error";
import { internalErrorResponse } from "@/server/http/internal-error-response";
import { problemResponse } from "@/server/http/problem-response";
import { csvDownloadResponse } from "./csv-download-response";

/**
 * Runs a moderation CSV export for a route handler: signed out → 401, missing permission → 404
 * (the dashboard's routes do not reveal themselves), bad filters → 400, otherwise the stream.
 */
export async function moderationExportResponse(start: () => Promise<AsyncGenerator<string>>, filename: string): Promise<Response> {
  try {
    return csvDownloadResponse(await start(), filename);
  } catch (error) {
    if (isAppError(error, "SIGN_IN_REQUIRED")) return problemResponse({ status: 401, detail: "Sign in to export." });
    if (isAppError(error, "FORBIDDEN") || isAppError(error, "NOT_FOUND")) return problemResponse({ status: 404 });
    if (isAppError(error, "INVALID_INPUT")) return problemResponse({ status: 400, detail: "Invalid filters." });
    return internalErrorResponse(error, `moderation export ${filename}`);
  }
}
