import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "test/empty-module.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    // The process suite (real PostgreSQL restarts, workers, next start) has its own config and
    // runs after the build in test:e2e: vitest.processes.config.ts.
    exclude: ["node_modules/**", ".next/**", ".data/**", "e2e/**", "test/faults/**", "test/multi-instance/**"],
    globalSetup: ["test/global-setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test" },
  },
});
