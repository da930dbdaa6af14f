import type { NextRequest } from "next/server";
import { auditFiltersSchema, firstParams } from "@/lib/moderation/audit-filters";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { AppError } from "@/server/errors/app-error";
import { getRequestId } from "@/server/http/get-request-id";
import { exportAuditEntries } from "@/server/moderation/export-audit-entries";
import { requirePermission } from "@/server/moderation/require-permission";
import { moderationExportResponse } from "@/server/moderation/moderation-export-response";

/** The filtered audit log as CSV (needs "audit.view"; the export is itself audited). */
export async function GET(request: NextRequest): Promise<Response> {
  return moderationExportResponse(async () => {
    const user = await getCurrentUser();
    // Permission before anything else, so a non-moderator learns nothing from a bad filter.
    await requirePermission(user?.id ?? null, "audit.view");
    const parsed = auditFiltersSchema.safeParse(firstParams(Object.fromEntries(request.nextUrl.searchParams)));
    if (!parsed.success) throw new AppError("INVALID_INPUT", { details: { field: "filters" } });
    return exportAuditEntries(user?.id ?? null, parsed.data, await getRequestId(request.headers));
  }, `audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
}
