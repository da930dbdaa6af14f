/**
 * Next's startup hook (runs once per server process, before requests). Starts the background jobs
 * beside the web server — see server/jobs/start-jobs-in-web-process.ts — in the Node.js runtime
 * only, and never while `next build` runs (it may load this file; it must not touch the database).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobsInWebProcess } = await import("./server/jobs/start-jobs-in-web-process");
  startJobsInWebProcess();
}
