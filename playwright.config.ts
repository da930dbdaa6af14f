import { defineConfig, devices, chromium } from "@playwright/test";
import { existsSync } from "node:fs";
import { E2E } from "./e2e/support/ports";

/**
 * End-to-end tests drive a production build (`next build` runs first, see package.json) on a
 * fresh seeded database, with a real SMTP sink receiving the app's mail.
 */

// Playwright's own Chromium where installed, else Debian's; never a silent skip.
function chromiumExecutable(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(candidate)) return candidate;
  throw new Error(
    "No Chromium found for the browser tests. Install one, then run `npm test` again:\n" +
      "  Debian/Ubuntu:  sudo apt-get install -y chromium\n" +
      "  elsewhere:      npx playwright install chromium",
  );
}

const executablePath = chromiumExecutable();
const appUrl = `http://localhost:${E2E.appPort}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: appUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: executablePath ? ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] : [],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
    { name: "mobile-360", use: { ...devices["Desktop Chrome"], viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
  ],
  webServer: [
    {
      command: `npx tsx e2e/support/mail-sink-server.ts`,
      url: `http://127.0.0.1:${E2E.mailApiPort}/health`,
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // --fresh: a new, seeded database thrown away afterwards — never the dev data.
      command: `npx tsx --conditions=react-server scripts/with-database.ts --fresh --seed -- npx next start -p ${E2E.appPort}`,
      url: `${appUrl}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        NODE_ENV: "production",
        APP_URL: appUrl,
        NEXTAUTH_URL: appUrl,
        NEXTAUTH_SECRET: "e2e-only-secret-with-at-least-32-characters!!",
        SHOP_WEBHOOK_SECRET: E2E.shopWebhookSecret,
        TOKEN_SIGNING_KEYS: "e2e:e2e-only-token-signing-key-with-32-characters",
        SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
        EMAIL_FROM: "Entraide <no-reply@entraide.test>",
      },
    },
  ],
});
