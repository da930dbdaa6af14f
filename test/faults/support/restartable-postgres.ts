/**
 * A PostgreSQL server of the test's own that can be stopped and started again on the same data
 * and port, as a managed database's restart or failover looks to the app: every connection is
 * cut (fast shutdown: open transactions roll back), new ones are refused, then it comes back.
 * Unlike the throwaway test clusters it keeps fsync on — a restart must not lose commits.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { serverUrl, startEmbeddedPostgres, type RunningServer } from "@/scripts/database/embedded-postgres";
import { ensureDatabase } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrations/apply-migrations";

export interface RestartablePostgres {
  port: number;
  /** The migrated `entraide` database on this server. */
  url: string;
  /** Cuts every connection and refuses new ones until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and deletes its data. */
  destroy(): Promise<void>;
}

export async function startRestartablePostgres(port: number): Promise<RestartablePostgres> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "entraide-faults-pg-"));
  // mkdtemp makes it 0700; PostgreSQL may run as another OS user (see embedded-postgres.ts).
  await chmod(dir, 0o755);
  const dataDir = path.join(dir, "data");
  let server: RunningServer | undefined = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  const url = serverUrl(port, "entraide");
  await ensureDatabase(url);
  await applyMigrations(url);

  return {
    port,
    url,
    async stop() {
      const running = server;
      server = undefined;
      await running?.stop();
    },
    async start() {
      server ??= await startEmbeddedPostgres({ dataDir, port, persistent: true });
    },
    async destroy() {
      const running = server;
      server = undefined;
      await running?.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
