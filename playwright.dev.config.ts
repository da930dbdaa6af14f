import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
import { E2E } from "./e2e/support/ports";

/**
 * What exists only in development — the demo-account sign-in and the development mailbox —
 * checked against `next dev` on a fresh seeded database with no SMTP server configured.
 */
const appUrl = `http://localhost:${E2E.devAppPort}`;

export default defineConfig({
  ...base,
  testMatch: "**/*.dev-spec.ts",
  // next dev compiles each route on first use (the first sign-in compiles /api/auth, /account…),
  // which can take many seconds on a 2-core machine: wait for it, and compile one thing at a time.
  timeout: 120_000,
  expect: { timeout: 45_000 },
  workers: 1,
  use: { ...base.use, baseURL: appUrl },
  projects: base.projects,
  webServer: {
    command: `npx tsx --conditions=react-server scripts/with-database.ts --fresh --seed -- npx next dev -p ${E2E.devAppPort}`,
    url: `${appUrl}/signin`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { NODE_ENV: "development", APP_URL: appUrl, NEXTAUTH_URL: appUrl, SMTP_URL: "", NEXT_TELEMETRY_DISABLED: "1", ENTRAIDE_NEXT_DIST_DIR: ".next-e2e-dev" },
  },
});
