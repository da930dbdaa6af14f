import { similarQuestionsQuerySchema, type SimilarQuestionsResponse } from "@/lib/discussions/similar-questions-query";
import { findSimilarQuestions } from "@/server/discussions/find-similar-questions";
import { internalErrorResponse } from "@/server/http/internal-error-response";
import { methodNotAllowedResponse } from "@/server/http/method-not-allowed-response";
import { problemResponse } from "@/server/http/problem-response";

/** Questions similar to a draft title, for the ask form. Public data only, like the thread pages. */

const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS"] as const;

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = similarQuestionsQuerySchema.safeParse({ title: params.get("title") ?? "", productId: params.get("productId") ?? undefined });
  if (!parsed.success) {
    return problemResponse({
      status: 400,
      detail: "Give a title of 1 to 150 characters and, optionally, a productId.",
      errors: parsed.error.issues.map((issue) => ({ pointer: `#/${issue.path.join("/")}`, detail: issue.message })),
    });
  }
  try {
    const questions = await findSimilarQuestions(parsed.data);
    const body: SimilarQuestionsResponse = { questions };
    // Same answer for everyone for a while: typing the same draft again (or another member
    // typing it) is served by the browser or a cache instead of another full-text query.
    return Response.json(body, { headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=300" } });
  } catch (error) {
    return internalErrorResponse(error, "similar questions");
  }
}

export async function OPTIONS(): Promise<Response> {
  return new Response(null, { status: 204, headers: { Allow: ALLOWED_METHODS.join(", ") } });
}

const notAllowed = async (): Promise<Response> => methodNotAllowedResponse(ALLOWED_METHODS);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
