import "server-only";

/**
 * A CSV attachment streamed from `lines` as the client reads (pull-based: a slow reader never
 * makes the server buffer the whole export). Starts with a UTF-8 BOM so spreadsheets read accents.
 */
export function csvDownloadResponse(lines: AsyncGenerator<string>, filename: string): Response {
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF"));
        return;
      }
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error(`CSV export ${filename} failed`, error);
        controller.error(new Error("export failed"));
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
