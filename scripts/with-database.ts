/**
 * Runs a command with a ready database: DATABASE_URL when set, otherwise a real PostgreSQL
 * started from npm. Applies pending migrations first, seeds demo data when asked, and stops
 * the embedded server when the command ends.
 *
 *   tsx --conditions=react-server scripts/with-database.ts [--seed] [--fresh] -- <command...>
 *
 * --fresh  a new, empty database that is thrown away afterwards (tests never touch dev data)
 * --seed   load the demo shop (idempotent)
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseEnv, InvalidEnvironmentError } from "../server/env";
import { DEV_PORT, serverUrl, startEmbeddedPostgres, findFreePort, DatabaseStartError, type RunningServer } from "./database/embedded-postgres";
import { ensureDatabase, dropDatabase, databaseUrlFor, DatabaseUnreachableError } from "./database/ensure-database";
import { applyMigrations } from "./database/migrations/apply-migrations";

// Next loads .env for the app; load it here too so the launcher validates the same values.
for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);

const args = process.argv.slice(2);
const separator = args.indexOf("--");
const flags = new Set(separator === -1 ? args : args.slice(0, separator));
const command = separator === -1 ? [] : args.slice(separator + 1);
const fresh = flags.has("--fresh");
const seed = flags.has("--seed");

const say = (line: string) => console.log(`[entraide] ${line}`);

async function prepareDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    if (!fresh) {
      await ensureDatabase(external);
      return { url: external, cleanup: async () => {} };
    }
    const url = databaseUrlFor(external, `entraide_test_${randomBytes(4).toString("hex")}`);
    await ensureDatabase(url);
    return { url, cleanup: () => dropDatabase(url) };
  }

  let server: RunningServer;
  if (fresh) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "entraide-pg-"));
    // mkdtemp makes it 0700; PostgreSQL may run as another OS user (see embedded-postgres.ts).
    await chmod(dir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await findFreePort(), persistent: false });
    say(`started a throwaway PostgreSQL on port ${server.port}`);
  } else {
    const dataDir = path.resolve(".data", "postgres");
    const started = Date.now();
    server = await startEmbeddedPostgres({ dataDir, port: DEV_PORT, persistent: true });
    say(`PostgreSQL (embedded) on port ${server.port}, data in .data/postgres (${Date.now() - started} ms)`);
  }
  const url = server.url("entraide");
  await ensureDatabase(url);
  return { url, cleanup: () => server.stop() };
}

async function main() {
  let database: { url: string; cleanup: () => Promise<void> } | undefined;
  const stop = async () => {
    const d = database;
    database = undefined;
    if (d) await d.cleanup().catch((error) => console.error(`[entraide] could not stop the database cleanly: ${error}`));
  };

  try {
    // Validate configuration before starting anything; the embedded address stands in for an unset DATABASE_URL.
    parseEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL || serverUrl(DEV_PORT, "entraide") });
    database = await prepareDatabase();
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url };
    await applyMigrations(database.url, { log: say });
    if (seed) {
      const { seedDemoData } = await import("../prisma/seed");
      await seedDemoData(database.url, { log: say });
    }
    if (command.length === 0) return await stop();

    env.NEXTAUTH_URL ||= env.APP_URL || "http://localhost:3000";
    // The command gets its own process group so that everything it starts (npx → next-server)
    // can be signalled together: otherwise a grandchild outlives us with its database gone.
    const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env, shell: false, detached: true });
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // the group is already gone
      }
    };
    process.on("SIGINT", () => signalGroup("SIGINT"));
    process.on("SIGTERM", () => signalGroup("SIGTERM"));
    process.on("SIGHUP", () => signalGroup("SIGTERM"));
    const code: number = await new Promise((resolve) =>
      child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1))),
    );
    signalGroup("SIGTERM");
    await stop();
    process.exit(code);
  } catch (error) {
    await stop();
    if (error instanceof InvalidEnvironmentError || error instanceof DatabaseStartError || error instanceof DatabaseUnreachableError) {
      console.error(`\n[entraide] ${error.message}\n`);
    } else {
      console.error("[entraide] could not prepare the database:", error);
    }
    process.exit(1);
  }
}

void main();
