import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * The process suite: fault tests (test/faults) and several instances (test/multi-instance). Each
 * file starts its own PostgreSQL, SMTP sink, workers and `next start` instances on ports
 * 4700–4799, so no global database setup; one file at a time (each already runs several
 * processes on a 2-core machine). The web tests need a production build (`npm run test:e2e` runs
 * this right after its `next build`; ENTRAIDE_NEXT_DIST_DIR picks another build folder).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "test/empty-module.ts"),
    },
  },
  test: {
    include: ["test/faults/**/*.test.ts", "test/multi-instance/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test" },
  },
});
