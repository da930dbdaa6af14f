/**
 * Applies pending migrations from prisma/migrations, exactly as `prisma migrate deploy` would.
 *
 * It runs on every dev/start/test launch, so the common case ("nothing pending") is answered by
 * one query on `_prisma_migrations` without loading the engine. Only when something is pending
 * does Prisma's own schema engine (wasm) apply it, so the rows it writes are Prisma's own.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { describeConnectionError, DatabaseUnreachableError } from "../ensure-database";
import { schemaFromUrl, withSchemaEngine, type SchemaEngine } from "./schema-engine";

export const DEFAULT_MIGRATIONS_DIR = path.resolve("prisma", "migrations");
export const DEFAULT_SCHEMA_PATH = path.resolve("prisma", "schema.prisma");
export const LOCKFILE_NAME = "migration_lock.toml";
const NO_FILTER = { externalTables: [], externalEnums: [] };

export class MigrationError extends Error {
  override name = "MigrationError";
}

export interface ApplyOptions {
  log?: (line: string) => void;
  migrationsDir?: string;
}

/** Reads the migrations folder the way the Prisma CLI does (same sorting, same error shapes). */
export async function loadMigrationList(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrationList> {
  const lockfilePath = path.join(migrationsDir, LOCKFILE_NAME);
  const lockfile = { path: LOCKFILE_NAME, content: existsSync(lockfilePath) ? await readFile(lockfilePath, "utf8") : null };
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => {
        const content = await readFile(path.join(migrationsDir, entry.name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: entry.name, migrationFile: { path: "migration.sql", content } };
      }),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: migrationsDir, lockfile, shadowDbInitScript: "", migrationDirectories };
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Prisma accepts a checksum computed before a checkout flipped LF/CRLF line endings. */
export function matchesChecksum(script: string, checksum: string): boolean {
  const lf = script.replaceAll("\r\n", "\n");
  return [script, lf, lf.replaceAll("\n", "\r\n")].some((variant) => sha256(variant) === checksum);
}

export function migrationChecksum(script: string): string {
  return sha256(script);
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

async function readHistory(databaseUrl: string): Promise<MigrationRow[] | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnreachableError(describeConnectionError(databaseUrl, error));
  }
  try {
    const table = `"${(schemaFromUrl(databaseUrl) ?? "public").replaceAll('"', '""')}"."_prisma_migrations"`;
    const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [table]);
    if (!rows[0]?.exists) return undefined;
    const history = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM ${table} ORDER BY started_at`,
    );
    return history.rows;
  } finally {
    await client.end();
  }
}

/** The engine's messages end with a Rust span trace that says nothing to someone fixing SQL. */
export function cleanEngineMessage(message: string): string {
  const lines = message.split("\n");
  const trace = lines.findIndex((line) => /^\s+\d+: \w+::/.test(line));
  return (trace === -1 ? lines : lines.slice(0, trace))
    .filter((line) => line.trim() !== "external connector error")
    .join("\n")
    .trim();
}

/** Refuses the two states `migrate deploy` cannot repair by itself, with what to do about them. */
function checkHistory(list: MigrationList, history: MigrationRow[], migrationsDir: string): string[] {
  const live = history.filter((row) => row.rolled_back_at === null);
  const failed = live.filter((row) => row.finished_at === null);
  if (failed.length > 0) {
    const details = failed.map((row) => `  ${row.migration_name}${row.logs ? `: ${cleanEngineMessage(row.logs).split("\n").join("\n    ")}` : ""}`);
    const names = failed.map((row) => `'${row.migration_name}'`).join(", ");
    throw new MigrationError(
      `A migration failed earlier, so no further migration is applied:\n${details.join("\n")}\n` +
        `Its SQL ran as one transaction, so nothing of it stayed unless it commits by itself. Fix the SQL, then mark it ` +
        `rolled back to retry it:\n  UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name IN (${names});\n` +
        `(Same as \`prisma migrate resolve --rolled-back\`. For the embedded dev database, deleting .data/postgres also works.)`,
    );
  }
  const onDisk = new Map<string, string>();
  for (const dir of list.migrationDirectories) {
    const content = dir.migrationFile.content;
    if (content.tag === "error") throw new MigrationError(`Cannot read ${path.join(migrationsDir, dir.path, "migration.sql")}: ${content.value}`);
    onDisk.set(dir.path, content.value);
  }
  const modified = live.filter((row) => onDisk.has(row.migration_name) && !matchesChecksum(onDisk.get(row.migration_name)!, row.checksum));
  if (modified.length > 0) {
    throw new MigrationError(
      `Already-applied migration${modified.length > 1 ? "s were" : " was"} modified after being applied:\n` +
        modified.map((row) => `  ${path.join(migrationsDir, row.migration_name, "migration.sql")}`).join("\n") +
        `\nApplied migrations must not change: restore the file (git checkout -- <file>) and put the change in a new ` +
        `migration with \`npm run db:migrate -- <name>\`.`,
    );
  }
  const applied = new Set(live.map((row) => row.migration_name));
  return [...onDisk.keys()].filter((name) => !applied.has(name));
}

/** Applies what is pending with an engine the caller already holds (create-migration reuses it). */
export async function applyWithEngine(engine: SchemaEngine, list: MigrationList): Promise<string[]> {
  const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: list, filters: NO_FILTER });
  return appliedMigrationNames;
}

export async function applyMigrations(databaseUrl: string, opts: ApplyOptions = {}): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrationsDir = opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const started = performance.now();
  const list = await loadMigrationList(migrationsDir);
  const history = await readHistory(databaseUrl);
  const pending = checkHistory(list, history ?? [], migrationsDir);
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;

  if (pending.length === 0) {
    log(`migrations: 0 applied, ${list.migrationDirectories.length} already up to date (${elapsed()})`);
    return { applied: [] };
  }
  let applied: string[];
  try {
    applied = await withSchemaEngine(databaseUrl, {}, (engine) => applyWithEngine(engine, list));
  } catch (error) {
    const message = (error as Error).message;
    const migration = /migration_name="([^"]+)"/.exec(message)?.[1];
    throw new MigrationError(
      `${migration ? `Migration ${migration}` : `Applying migrations from ${migrationsDir}`} failed:\n${cleanEngineMessage(message)}`,
      { cause: error },
    );
  }
  log(`migrations: ${applied.length} applied${applied.length ? ` (${applied.join(", ")})` : ""} (${elapsed()})`);
  return { applied };
}
