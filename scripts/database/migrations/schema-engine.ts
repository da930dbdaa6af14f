/**
 * Prisma's schema engine (the thing behind `prisma migrate`) as WebAssembly, driven through
 * @prisma/adapter-pg. The Prisma CLI downloads a native engine that these machines cannot reach;
 * the npm-published wasm build of the same engine needs no download.
 *
 * These are Prisma-internal APIs: @prisma/schema-engine-wasm and @prisma/driver-adapter-utils are
 * pinned to exact versions and migrations.test.ts creates and applies real migrations with them.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { databaseUrlFor } from "../ensure-database";

export type { SchemaEngine };
type EngineModule = typeof import("@prisma/schema-engine-wasm");

// On globalThis, not in a module variable: vitest re-evaluates this file per test file while
// Node keeps the glue module cached, and a second instantiation against the same glue corrupts it.
const MODULE_KEY = Symbol.for("entraide.schemaEngineWasm");
type GlobalWithEngine = typeof globalThis & { [MODULE_KEY]?: Promise<EngineModule> };

/** Without this registry a Rust panic surfaces only as `RuntimeError: unreachable`. */
class PanicRegistry {
  private message = "";
  get(): string {
    return this.message;
  }
  set_message(message: string): void {
    this.message = `RuntimeError: ${message}`;
  }
}

function loadEngineModule(): Promise<EngineModule> {
  const g = globalThis as GlobalWithEngine;
  g[MODULE_KEY] ??= (async () => {
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
    // The package's entry `import`s the .wasm file, which Node 20 cannot do; wire the glue by hand.
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(gluePath)) as EngineModule & { __wbg_set_wasm(exports: unknown): void };
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return g[MODULE_KEY];
}

// Postgres' internal one-byte `"char"` type (pg_constraint.contype and friends, which the engine
// reads from the catalog). adapter-pg 7.10.1 has no mapping for it and the engine expects Character.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
type PgField = { dataTypeID: number };
type PgQueryResult = { fields: PgField[]; rows: unknown[][] };
type WithPerformIO = { performIO(query: SqlQuery): Promise<PgQueryResult> };

/** Teach one adapter-pg queryable (connection or transaction) about `"char"` columns. */
function mapCharColumns<T extends SqlQueryable>(queryable: T): T {
  const inner = queryable as unknown as WithPerformIO;
  const performIO = inner.performIO.bind(inner);
  // Keyed by the rows array, which queryRaw passes through untouched, so concurrent queries
  // on the same connection cannot mix up which columns were `"char"`.
  const charColumns = new WeakMap<unknown[][], number[]>();
  inner.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(index);
      }
    });
    if (indexes.length > 0) charColumns.set(result.rows, indexes);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query): Promise<SqlResultSet> => {
    const resultSet = await queryRaw(query);
    for (const index of charColumns.get(resultSet.rows) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

function patchAdapter(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  mapCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => mapCharColumns(await startTransaction(isolationLevel));
  // adapter-pg splits scripts on every `;`, which breaks function bodies and string literals and
  // runs statements one by one. One simple-protocol query is what Prisma's native engine sends:
  // Postgres runs it as a single implicit transaction, so a failed migration leaves nothing behind.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      // Let adapter-pg turn the driver error into the DriverAdapterError the engine understands.
      (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
  return adapter;
}

/**
 * Hands the engine adapter-pg connections and remembers each one so `close()` can release them:
 * a connection left open keeps Prisma's migration advisory lock for about ten seconds.
 */
class EngineAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(
    private readonly databaseUrl: string,
    private readonly schema: string | undefined,
  ) {}

  private async open_(url: string, onDisposed?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const adapter = patchAdapter(await new PrismaPg(pool, { schema: this.schema }).connect(), pool);
    this.open.add(adapter);
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      this.open.delete(adapter);
      await pool.end();
      await onDisposed?.();
    };
    return adapter;
  }

  connect(): Promise<SqlDriverAdapter> {
    return this.open_(this.databaseUrl);
  }

  /**
   * Replaces adapter-pg's helper, which drops the shadow database while its own pool is still
   * connected ("is being accessed by other users"): here the pool closes first, then the drop.
   */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.admin(`CREATE DATABASE "${name}"`);
    return this.open_(databaseUrlFor(this.databaseUrl, name), () => this.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    const results = await Promise.allSettled([...this.open].map((adapter) => adapter.dispose()));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed) throw failed.reason;
  }
}

/** The `?schema=` parameter Prisma URLs use for a non-default Postgres schema. */
export function schemaFromUrl(databaseUrl: string): string | undefined {
  return new URL(databaseUrl).searchParams.get("schema") ?? undefined;
}

export interface EngineOptions {
  schemaPath?: string;
  schemaContent?: string;
}

/**
 * Runs `fn` with a fresh engine connected to `databaseUrl`, then frees it and closes every
 * connection it opened (shadow databases included), whether `fn` succeeded or not.
 */
export async function withSchemaEngine<T>(databaseUrl: string, options: EngineOptions, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const factory = new EngineAdapterFactory(databaseUrl, schemaFromUrl(databaseUrl));
  const datamodels: [string, string][] | undefined =
    options.schemaPath && options.schemaContent !== undefined ? [[options.schemaPath, options.schemaContent]] : undefined;
  const logs: string[] = [];
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new({ datamodels }, (line: string) => logs.push(line), bindMigrationAwareSqlAdapterFactory(factory));
    return await fn(engine);
  } catch (error) {
    throw engineError(error, logs);
  } finally {
    engine?.free();
    await factory.close();
  }
}

/** Engine failures arrive as plain objects or bare RuntimeErrors; make them readable Errors. */
function engineError(error: unknown, logs: string[]): Error {
  if (error instanceof WebAssembly.RuntimeError) {
    const registry = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY;
    return new Error(`The Prisma schema engine crashed: ${registry?.get() || error.message}`, { cause: error });
  }
  if (error instanceof Error) return error;
  const message = (error as { message?: unknown })?.message;
  const text = typeof message === "string" ? message : JSON.stringify(error);
  if (process.env.DEBUG_SCHEMA_ENGINE) console.error(logs.join("\n"));
  return new Error(text, { cause: error });
}
