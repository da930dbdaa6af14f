/**
 * Gives every vitest run a fresh, migrated PostgreSQL database and never the dev data:
 * a throwaway embedded server when DATABASE_URL is unset, else a new database on that server.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "../scripts/database/embedded-postgres";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "../scripts/database/ensure-database";
import { applyMigrations } from "../scripts/database/migrations/apply-migrations";

export default async function setup() {
  let url: string;
  let teardown: () => Promise<void>;
  const external = process.env.DATABASE_URL;
  if (external) {
    url = databaseUrlFor(external, `entraide_vitest_${randomBytes(4).toString("hex")}`);
    teardown = () => dropDatabase(url);
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "entraide-vitest-"));
    // mkdtemp makes it 0700; PostgreSQL may run as another OS user (see embedded-postgres.ts).
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await findFreePort(), persistent: false });
    url = server.url("entraide");
    teardown = () => server.stop();
  }
  await ensureDatabase(url);
  await applyMigrations(url);
  // The server for the whole run; test files create their own databases on it when they need
  // isolation, and otherwise use unique data (random SKUs, e-mails) in the shared one.
  process.env.DATABASE_URL = url;
  process.env.ENTRAIDE_TEST_SERVER_URL = url;
  return teardown;
}
