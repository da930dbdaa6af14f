/**
 * `npm run worker`: runs the background jobs (fan-out of notification events, e-mail sending,
 * digests, the sweeper) without the web server, so web and workers scale separately. Start the
 * web instances with ENTRAIDE_WORKER=off then (otherwise each also runs a worker, which is safe:
 * every job is exactly-once by database keys, just not needed).
 *
 * Database: DATABASE_URL when set; otherwise the embedded dev PostgreSQL — the one `npm run dev`
 * is running if it is, else started here (and migrated) like `npm run dev` would.
 * SIGTERM/SIGINT stop it gracefully (running jobs get up to 20 s).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { DEV_PORT, serverUrl, startEmbeddedPostgres, type RunningServer } from "./database/embedded-postgres";
import { ensureDatabase, withServerClient } from "./database/ensure-database";
import { applyMigrations } from "./database/migrations/apply-migrations";

for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);

const say = (line: string) => console.log(`[entraide worker] ${line}`);

async function main() {
  let server: RunningServer | undefined;
  if (!process.env.DATABASE_URL) {
    const url = serverUrl(DEV_PORT, "entraide");
    const running = await withServerClient(url, async () => true).catch(() => false);
    if (running) {
      say(`using the embedded PostgreSQL already running on port ${DEV_PORT}`);
    } else {
      server = await startEmbeddedPostgres({ dataDir: path.resolve(".data", "postgres"), port: DEV_PORT, persistent: true });
      say(`PostgreSQL (embedded) on port ${DEV_PORT}, data in .data/postgres`);
      await ensureDatabase(url);
      await applyMigrations(url, { log: say });
    }
    process.env.DATABASE_URL = url;
  }

  // Imported after DATABASE_URL is settled: the env module reads it on first use.
  const { runWorker } = await import("../server/jobs/run-worker");
  const { JOB_HANDLERS } = await import("../server/jobs/job-handlers");
  await runWorker({
    stopOnSignals: true,
    onStopped: () => {
      say("stopped");
      void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
    },
  });
  say(`running ${JOB_HANDLERS.map((handler) => handler.queue).join(", ")} (Ctrl-C stops)`);
}

main().catch((error) => {
  console.error("[entraide worker] could not start:", error);
  process.exit(1);
});
