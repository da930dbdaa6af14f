import { getCurrentUser } from "@/server/auth/get-current-user";
import { exportMyData } from "@/server/data-rights/export-my-data";
import { internalErrorResponse } from "@/server/http/internal-error-response";
import { problemResponse } from "@/server/http/problem-response";

/** "Download all my data": the signed-in person's own data as a JSON attachment. */
export async function GET(): Promise<Response> {
  try {
    const user = await getCurrentUser();
    const document = user ? await exportMyData(user.id) : null;
    if (!document) return problemResponse({ status: 401, detail: "Sign in to download your data." });

    const date = document.exportedAt.slice(0, 10);
    return new Response(JSON.stringify(document, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="entraide-data-${date}.json"`,
        // Personal data: never kept by a browser or proxy cache.
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return internalErrorResponse(error, "personal data export");
  }
}
