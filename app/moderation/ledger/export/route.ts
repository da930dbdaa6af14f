import type { NextRequest } from "next/server";
import { firstParams } from "@/lib/moderation/audit-filters";
import { ledgerSearchSchema } from "@/lib/moderation/ledger-search";
import { getCurrentUser } from "@/server/auth/get-current-user";
import { AppError } from "@/server/errors/app-error";
import { getRequestId } from "@/server/http/get-request-id";
import { exportConsentLedger } from "@/server/moderation/export-consent-ledger";
import { moderationExportResponse } from "@/server/moderation/moderation-export-response";
import { requirePermission } from "@/server/moderation/require-permission";

/** The consent ledger rows matching the search, as CSV (admins: "ledger.view"; audited as "ledger.export"). */
export async function GET(request: NextRequest): Promise<Response> {
  return moderationExportResponse(async () => {
    const user = await getCurrentUser();
    await requirePermission(user?.id ?? null, "ledger.view");
    const parsed = ledgerSearchSchema.safeParse(firstParams(Object.fromEntries(request.nextUrl.searchParams)));
    if (!parsed.success) throw new AppError("INVALID_INPUT", { details: { field: "search" } });
    return exportConsentLedger(user?.id ?? null, parsed.data, await getRequestId(request.headers));
  }, `consent-ledger-${new Date().toISOString().slice(0, 10)}.csv`);
}
