/**
 * `npm run db:migrate -- <name> [--create-only] [--accept-data-loss]`: the `prisma migrate dev`
 * of this project. Diffs prisma/schema.prisma against the migration history (replayed on a
 * throwaway shadow database), writes prisma/migrations/<timestamp>_<name>/migration.sql, applies
 * it to the dev database and regenerates Prisma Client.
 */
import { spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { pathToFileURL } from "node:url";
import { DEV_PORT, DatabaseStartError, serverUrl, startEmbeddedPostgres, type RunningServer } from "../embedded-postgres";
import { DatabaseUnreachableError, ensureDatabase, withServerClient } from "../ensure-database";
import {
  applyMigrations,
  applyWithEngine,
  cleanEngineMessage,
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  loadMigrationList,
  LOCKFILE_NAME,
  MigrationError,
} from "./apply-migrations";
import { withSchemaEngine } from "./schema-engine";

const NO_FILTER = { externalTables: [], externalEnums: [] };
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_]{0,79}$/;

export interface CreateMigrationOptions {
  databaseUrl: string;
  name: string;
  schemaPath?: string;
  migrationsDir?: string;
  /** Write the migration without applying it (to hand-edit it first), like Prisma's --create-only. */
  createOnly?: boolean;
  /** Go ahead despite the engine's data-loss warnings (dropped columns, new unique constraints…). */
  acceptDataLoss?: boolean;
  /** Asked about those warnings when acceptDataLoss is not set (the CLI asks on a terminal). */
  confirmDataLoss?: (warnings: string[]) => Promise<boolean>;
  log?: (line: string) => void;
}

export interface CreateMigrationResult {
  /** `<timestamp>_<name>`, or undefined when the schema matches the migrations. */
  migrationName?: string;
  migrationPath?: string;
  applied: string[];
}

export function validateMigrationName(name: string | undefined): string {
  if (!name || !NAME_PATTERN.test(name)) {
    throw new MigrationError(
      `Invalid migration name ${name === undefined ? "(none given)" : JSON.stringify(name)}: use 1–80 letters, digits and ` +
        `underscores, starting with a letter or digit, describing the change (e.g. add_product_reviews).\n` +
        `Usage: npm run db:migrate -- <name> [--create-only] [--accept-data-loss]`,
    );
  }
  return name;
}

export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const name = validateMigrationName(options.name);
  const log = options.log ?? (() => {});
  const schemaPath = path.resolve(options.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const migrationsDir = path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const schema = { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };

  // Like `migrate dev`: the database must have the whole history before a diff means anything.
  // This also refuses failed or edited migrations with a clear message.
  const { applied } = await applyMigrations(options.databaseUrl, { migrationsDir, log });
  const list = await loadMigrationList(migrationsDir);
  const engineOptions = { schemaPath, schemaContent: schema.files[0]!.content };

  return withSchemaEngine(options.databaseUrl, engineOptions, async (engine): Promise<CreateMigrationResult> => {
    // devDiagnostic also fills the engine's cache of the replayed history that createMigration needs.
    const { action } = await engine.devDiagnostic({ migrationsList: list, filters: NO_FILTER });
    if (action.tag === "reset") {
      throw new MigrationError(
        `The database does not match the migration history, so no migration can be created:\n${action.reason}\n` +
          `For the embedded dev database: stop it, delete .data/postgres and run this again (dev data is lost; ` +
          `\`npm run dev -- --seed\` reloads the demo data).`,
      );
    }

    const loss = await engine.evaluateDataLoss({ migrationsList: list, schema, filters: NO_FILTER });
    if (!options.createOnly && loss.unexecutableSteps.length > 0) {
      throw new MigrationError(
        `This schema change cannot run on the current data:\n${loss.unexecutableSteps.map((s) => `  • ${s.message}`).join("\n")}\n` +
          `Write the migration by hand: run again with --create-only, edit the SQL, then run \`npm run dev\` to apply it.`,
      );
    }
    if (!options.createOnly && !options.acceptDataLoss && loss.warnings.length > 0) {
      const warnings = loss.warnings.map((w) => w.message);
      if (!(await options.confirmDataLoss?.(warnings))) {
        throw new MigrationError(
          `This schema change may lose data or fail on existing rows:\n${warnings.map((w) => `  • ${w}`).join("\n")}\n` +
            `Run again with --accept-data-loss if that is intended, or with --create-only to edit the SQL first.`,
        );
      }
    }

    const created = await engine.createMigration({
      draft: options.createOnly ?? false,
      migrationName: name,
      migrationsList: list,
      schema,
      filters: NO_FILTER,
    });
    if (created.migrationScript === null) {
      log(`No schema changes: prisma/schema.prisma already matches the migrations, no migration written.`);
      return { applied };
    }

    const migrationPath = path.join(migrationsDir, created.generatedMigrationName);
    await mkdir(migrationPath, { recursive: true });
    await writeFile(path.join(migrationPath, `migration.${created.extension}`), created.migrationScript, "utf8");
    // Same text as the Prisma CLI writes, so its own tooling recognises the file.
    await writeFile(
      path.join(migrationsDir, LOCKFILE_NAME),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${created.connectorType}"\n`,
      "utf8",
    );
    const where = path.relative(process.cwd(), migrationPath) || migrationPath;
    if (options.createOnly) {
      log(`Created ${where}/migration.sql${loss.migrationSteps === 0 ? " (empty: no schema changes, for hand-written SQL)" : ""}; not applied (--create-only).`);
      return { migrationName: created.generatedMigrationName, migrationPath, applied };
    }
    const appliedNow = await applyWithEngine(engine, await loadMigrationList(migrationsDir));
    log(`Created and applied ${where}/migration.sql`);
    return { migrationName: created.generatedMigrationName, migrationPath, applied: [...applied, ...appliedNow] };
  }).catch((error: unknown) => {
    // Schema errors and failed SQL come back from the engine as plain Errors: they are the
    // user's to fix, so show them as such rather than as a crash with a stack trace.
    if (error instanceof MigrationError || !(error instanceof Error)) throw error;
    throw new MigrationError(cleanEngineMessage(error.message.replace(/^error: /, "")), { cause: error });
  });
}

/** The dev database the launcher uses: DATABASE_URL, else the embedded server (reused if already running). */
async function openDevDatabase(say: (line: string) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await ensureDatabase(external);
    return { url: external, stop: async () => {} };
  }
  const url = serverUrl(DEV_PORT, "entraide");
  // `npm run dev` may be running in another terminal: use its server instead of failing on its lock.
  const running = await withServerClient(url, async () => true).catch(() => false);
  let server: RunningServer | undefined;
  if (running) {
    say(`using the embedded PostgreSQL already running on port ${DEV_PORT}`);
  } else {
    server = await startEmbeddedPostgres({ dataDir: path.resolve(".data", "postgres"), port: DEV_PORT, persistent: true });
    say(`PostgreSQL (embedded) on port ${DEV_PORT}, data in .data/postgres`);
  }
  await ensureDatabase(url);
  return { url, stop: async () => server?.stop() };
}

function parseArgs(argv: string[]) {
  const flags = new Set(argv.filter((arg) => arg.startsWith("--") && arg !== "--name"));
  const known = new Set(["--create-only", "--accept-data-loss", "--help"]);
  const unknown = [...flags].filter((flag) => !known.has(flag));
  if (unknown.length > 0) throw new MigrationError(`Unknown option ${unknown.join(", ")}. Usage: npm run db:migrate -- <name> [--create-only] [--accept-data-loss]`);
  // Accept Prisma's `--name <name>` habit as well as a bare name.
  const nameIndex = argv.indexOf("--name");
  const positional = argv.filter((arg, index) => !arg.startsWith("--") && (nameIndex === -1 || index !== nameIndex + 1));
  const name = nameIndex !== -1 ? argv[nameIndex + 1] : positional[0];
  if (positional.length > (nameIndex !== -1 ? 0 : 1)) throw new MigrationError(`Expected one migration name, got: ${positional.join(" ")}`);
  return { name, help: flags.has("--help"), createOnly: flags.has("--create-only"), acceptDataLoss: flags.has("--accept-data-loss") };
}

/** What `prisma migrate dev` does on a terminal: show the warnings and ask. */
async function askAboutDataLoss(warnings: string[]): Promise<boolean> {
  console.log(`\n[db:migrate] Warnings for this migration:\n${warnings.map((w) => `  • ${w}`).join("\n")}\n`);
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question("Create and apply it anyway? [y/N] ")).trim());
  } finally {
    prompt.close();
  }
}

function runPrismaGenerate(databaseUrl: string): void {
  // generate never runs the schema engine, but the CLI downloads it first unless told where it is;
  // /bin/false (never /bin/true) keeps any command that would use it failing loudly.
  const result = spawnSync(path.resolve("node_modules", ".bin", "prisma"), ["generate"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" },
  });
  if (result.status !== 0) throw new MigrationError(`prisma generate failed (exit code ${result.status ?? result.signal}).`);
}

async function main(): Promise<number> {
  const say = (line: string) => console.log(`[db:migrate] ${line}`);
  let database: { url: string; stop: () => Promise<void> } | undefined;
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log("Usage: npm run db:migrate -- <name> [--create-only] [--accept-data-loss]");
      return 0;
    }
    validateMigrationName(args.name);
    database = await openDevDatabase(say);
    const started = performance.now();
    await createMigration({
      databaseUrl: database.url,
      name: args.name!,
      createOnly: args.createOnly,
      acceptDataLoss: args.acceptDataLoss,
      confirmDataLoss: process.stdin.isTTY ? askAboutDataLoss : undefined,
      log: say,
    });
    say(`done in ${Math.round(performance.now() - started)} ms`);
    if (!args.createOnly) runPrismaGenerate(database.url);
    return 0;
  } catch (error) {
    const known = error instanceof MigrationError || error instanceof DatabaseStartError || error instanceof DatabaseUnreachableError;
    console.error(`\n[db:migrate] ${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await database?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void main().then((code) => process.exit(code));
}
