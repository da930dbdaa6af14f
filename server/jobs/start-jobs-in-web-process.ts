import "server-only";
import { startProcessJobQueue } from "./process-job-queue";
import { runWorker } from "./run-worker";

/**
 * Called by instrumentation.ts when the web server starts: runs the worker in the same process
 * (so `npm run dev` and `npm start` deliver), or with ENTRAIDE_WORKER=off only a sender (for
 * deployments that run `npm run worker` separately). Does not wait for it: the site serves pages
 * even when the queue cannot start (errors are logged; events wait for the sweeper).
 *
 * No signal handlers here: Next owns the web process's SIGTERM. A job cut short by the exit rolls
 * back with its transaction and pg-boss retries it once it expires.
 */
export function startJobsInWebProcess(): void {
  const mode = process.env.ENTRAIDE_WORKER === "off" ? "sender" : "worker";
  const started = mode === "worker" ? runWorker() : startProcessJobQueue("sender");
  started.then(
    () => console.log(mode === "worker" ? "[entraide] background jobs running in this process (ENTRAIDE_WORKER=off to run them with `npm run worker` instead)" : "[entraide] background jobs: sending only (ENTRAIDE_WORKER=off)"),
    (error) => console.error("[entraide] background jobs could not start:", error),
  );
}
