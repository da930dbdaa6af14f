import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "../env";

// One client per process; Next's dev server re-evaluates modules on every edit, so keep it on
// globalThis there instead of opening a new pool each time.
const globalForPrisma = globalThis as unknown as { entraidePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForPrisma.entraidePrisma ??= createClient();
  return globalForPrisma.entraidePrisma;
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";
