/** Connects to a PostgreSQL server and makes sure one database exists, with errors a person can act on. */
import pg from "pg";

export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

export function describeConnectionError(url: string, error: unknown): string {
  const { hostname, port, pathname, username } = new URL(url);
  const where = `PostgreSQL at ${hostname}:${port || 5432} (database "${pathname.slice(1)}", user "${username}")`;
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach ${where}: connection refused. Is the server running? Unset DATABASE_URL to use the embedded PostgreSQL.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach ${where}: the host name does not resolve.`;
    case "ETIMEDOUT":
      return `Cannot reach ${where}: the connection timed out.`;
    case "28P01":
    case "28000":
      return `${where} refused the credentials in DATABASE_URL.`;
    case "3D000":
      return `${where}: the database does not exist.`;
    default:
      return `Cannot use ${where}: ${(error as Error)?.message ?? String(error)}`;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` with a client on the server's maintenance database ("postgres"). */
export async function withServerClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres"), connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnreachableError(describeConnectionError(url, error));
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function ensureDatabase(url: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await withServerClient(url, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  });
}

export async function createDatabase(url: string, template?: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await withServerClient(url, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(database)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`),
  );
}

export async function dropDatabase(url: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await withServerClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
}

export { withDatabase as databaseUrlFor };
