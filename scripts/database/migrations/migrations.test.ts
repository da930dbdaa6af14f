/**
 * The migration tooling drives Prisma-internal APIs (the wasm schema engine, driver adapters), so
 * this creates and applies real migrations on a real PostgreSQL, in a temporary schema and
 * migrations folder, on fresh databases.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, startEmbeddedPostgres, type RunningServer } from "../embedded-postgres";
import { createDatabase, databaseUrlFor, dropDatabase, withServerClient } from "../ensure-database";
import { applyMigrations, MigrationError } from "./apply-migrations";
import { createMigration } from "./create-migration";

const datasource = `datasource db {\n  provider = "postgresql"\n}\n`;
const schemaV1 = `${datasource}
model Author {
  id    Int    @id @default(autoincrement())
  name  String
  books Book[]
}

model Book {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   Author @relation(fields: [authorId], references: [id])
}
`;
const schemaV2 = schemaV1.replace("  name  String\n", "  name  String\n  email String? @unique\n") + `
model Review {
  id     Int    @id @default(autoincrement())
  rating Int
}
`;

let server: RunningServer | undefined;
let serverUrl: string;
let workDir: string;
let schemaPath: string;
let migrationsDir: string;
const databases: string[] = [];

async function freshDatabase(): Promise<string> {
  const url = databaseUrlFor(serverUrl, `entraide_migtest_${randomBytes(4).toString("hex")}`);
  await createDatabase(url);
  databases.push(url);
  return url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tables = async (url: string) =>
  (await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => r.tablename);
const history = (url: string) =>
  query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    url,
    "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY started_at",
  );
const sha256 = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");
const migrationFolders = async () => (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "entraide-migtest-pg-"));
    // mkdtemp makes a 0700 folder; as root, Postgres runs as the OS user "postgres" and must enter it.
    await chmod(dir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await findFreePort(), persistent: false });
    serverUrl = server.url("postgres");
  }
  workDir = await mkdtemp(path.join(os.tmpdir(), "entraide-migtest-"));
  schemaPath = path.join(workDir, "schema.prisma");
  migrationsDir = path.join(workDir, "migrations");
});

afterAll(async () => {
  for (const url of databases) await dropDatabase(url);
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("migrations on the wasm schema engine", () => {
  let devUrl: string;
  let first: string;
  const log: string[] = [];

  it("creates the first migration from the schema and applies it", async () => {
    devUrl = await freshDatabase();
    await writeFile(schemaPath, schemaV1);
    const result = await createMigration({ databaseUrl: devUrl, name: "init", schemaPath, migrationsDir, log: (l) => log.push(l) });

    expect(result.migrationName).toMatch(/^\d{14}_init$/);
    first = result.migrationName!;
    expect(result.applied).toEqual([first]);
    const sqlFile = path.join(migrationsDir, first, "migration.sql");
    expect(await readFile(sqlFile, "utf8")).toContain('CREATE TABLE "Author"');
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');

    expect(await tables(devUrl)).toEqual(["Author", "Book", "_prisma_migrations"]);
    const rows = await history(devUrl);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ migration_name: first, checksum: await sha256(sqlFile), applied_steps_count: 1 });
    expect(rows[0]!.finished_at).toBeInstanceOf(Date);
  });

  it("leaves no shadow database behind", async () => {
    const shadows = await withServerClient(serverUrl, (c) => c.query("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'"));
    expect(shadows.rows).toEqual([]);
  });

  it("applying again is a no-op", async () => {
    const lines: string[] = [];
    const started = performance.now();
    expect(await applyMigrations(devUrl, { migrationsDir, log: (l) => lines.push(l) })).toEqual({ applied: [] });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(lines).toEqual([expect.stringMatching(/^migrations: 0 applied, 1 already up to date/)]);
    expect(await history(devUrl)).toHaveLength(1);
  });

  it("writes nothing when the schema has not changed", async () => {
    const lines: string[] = [];
    const result = await createMigration({ databaseUrl: devUrl, name: "nothing", schemaPath, migrationsDir, log: (l) => lines.push(l) });
    expect(result.migrationName).toBeUndefined();
    expect(lines.join("\n")).toMatch(/No schema changes/);
    expect(await migrationFolders()).toEqual([first]);
  });

  it("creates and applies a second migration after a schema change", async () => {
    await writeFile(schemaPath, schemaV2);
    // The engine names migrations by the second; keep the two apart.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // A new unique constraint is a data-loss warning: refused unless accepted, and nothing is written.
    await expect(createMigration({ databaseUrl: devUrl, name: "add_reviews", schemaPath, migrationsDir })).rejects.toThrow(/--accept-data-loss/);
    expect(await migrationFolders()).toEqual([first]);
    const result = await createMigration({ databaseUrl: devUrl, name: "add_reviews", schemaPath, migrationsDir, acceptDataLoss: true });

    expect(result.migrationName).toMatch(/^\d{14}_add_reviews$/);
    expect(await migrationFolders()).toEqual([first, result.migrationName]);
    const sql = await readFile(path.join(migrationsDir, result.migrationName!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Review"');
    expect(sql).toContain('ADD COLUMN     "email" TEXT');
    expect(await tables(devUrl)).toEqual(["Author", "Book", "Review", "_prisma_migrations"]);
    expect((await history(devUrl)).map((r) => r.migration_name)).toEqual([first, result.migrationName]);
  });

  it("--create-only writes the migration without applying it", async () => {
    await writeFile(schemaPath, schemaV2.replace("  rating Int\n", "  rating Int\n  body   String?\n"));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const result = await createMigration({ databaseUrl: devUrl, name: "review_body", schemaPath, migrationsDir, createOnly: true });
    expect(existsSync(path.join(migrationsDir, result.migrationName!, "migration.sql"))).toBe(true);
    expect(await history(devUrl)).toHaveLength(2);
    // The launcher then applies it.
    expect(await applyMigrations(devUrl, { migrationsDir })).toEqual({ applied: [result.migrationName] });
  });

  it("applies the whole history to an empty database with Prisma's checksums", async () => {
    const url = await freshDatabase();
    const folders = await migrationFolders();
    expect(await applyMigrations(url, { migrationsDir })).toEqual({ applied: folders });
    const rows = await history(url);
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) expect(row.checksum).toBe(await sha256(path.join(migrationsDir, row.migration_name, "migration.sql")));
  });

  it("refuses an already-applied migration that was modified", async () => {
    const file = path.join(migrationsDir, first, "migration.sql");
    const original = await readFile(file, "utf8");
    await writeFile(file, `${original}\n-- edited after the fact\n`);
    try {
      const error = await applyMigrations(devUrl, { migrationsDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(/modified after being applied/);
      expect((error as Error).message).toContain(first);
    } finally {
      await writeFile(file, original);
    }
  });

  it("applies hand-written SQL as one script, semicolons inside bodies and strings included", async () => {
    const name = "29991231000000_review_label";
    await mkdir(path.join(migrationsDir, name));
    await writeFile(
      path.join(migrationsDir, name, "migration.sql"),
      `CREATE FUNCTION review_label(rating integer) RETURNS text LANGUAGE plpgsql AS $$\nBEGIN\n  IF rating > 3 THEN RETURN 'good; really'; END IF;\n  RETURN 'meh';\nEND;\n$$;\n`,
    );
    expect(await applyMigrations(devUrl, { migrationsDir })).toEqual({ applied: [name] });
    expect(await query(devUrl, "SELECT review_label(5) AS label")).toEqual([{ label: "good; really" }]);
  });

  it("rolls back a failing migration, records it, and refuses to go on until it is resolved", async () => {
    const name = "29991231000001_broken";
    await mkdir(path.join(migrationsDir, name));
    await writeFile(path.join(migrationsDir, name, "migration.sql"), `CREATE TABLE "Partial" (id integer);\nSELECT 1 / 0;\n`);
    try {
      await expect(applyMigrations(devUrl, { migrationsDir })).rejects.toThrow(/division by zero/);
      expect(await tables(devUrl)).not.toContain("Partial");
      const failed = (await history(devUrl)).find((row) => row.migration_name === name);
      expect(failed?.finished_at).toBeNull();
      await expect(applyMigrations(devUrl, { migrationsDir })).rejects.toThrow(/failed earlier[\s\S]*29991231000001_broken/);
    } finally {
      await rm(path.join(migrationsDir, name), { recursive: true });
    }
  });

  it("refuses an invalid migration name before touching anything", async () => {
    await expect(createMigration({ databaseUrl: devUrl, name: "add reviews!", schemaPath, migrationsDir })).rejects.toThrow(/Invalid migration name/);
  });
});
