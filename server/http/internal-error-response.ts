import "server-only";
import { problemResponse } from "./problem-response";

/**
 * Logs an unexpected failure on the server and answers with a generic 500: exception messages
 * can name tables, constraints or secrets, so none of it goes to the client.
 */
export function internalErrorResponse(error: unknown, context: string): Response {
  console.error(`[entraide] ${context} failed:`, error);
  return problemResponse({ status: 500, detail: "The request could not be completed. Try again later." });
}
