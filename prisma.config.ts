import { defineConfig } from "prisma/config";

// Prisma 7 neither loads .env nor tolerates an unset DATABASE_URL here (even for `generate`),
// so fall back to the embedded server's default address.
const EMBEDDED_DEFAULT_URL = "postgresql://entraide:entraide@127.0.0.1:54329/entraide";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx --conditions=react-server prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? EMBEDDED_DEFAULT_URL },
});
