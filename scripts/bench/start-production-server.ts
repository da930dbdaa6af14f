/**
 * Builds the app (unless BENCH_SKIP_BUILD=1) and starts `next start` on the database of
 * DATABASE_URL, so benchmarks time what users get: a production server, not `next dev`.
 * The server runs in its own process group and is stopped with everything it started.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

/** `processGroup`: the id of the server's process group (npx, next, next-server), for memory readings. */
export type ProductionServer = { baseUrl: string; processGroup: number; stop: () => Promise<void> };

// Production refuses to start without real values; these are for a throwaway local server only.
export const BENCH_ONLY_SECRETS = {
  NEXTAUTH_SECRET: "bench-only-nextauth-secret-0123456789abcdef",
  SHOP_WEBHOOK_SECRET: "bench-only-shop-webhook-secret-0123456789abcdef",
  TOKEN_SIGNING_KEYS: "bench:bench-only-token-signing-key-0123456789abcdef",
  SMTP_URL: "smtp://127.0.0.1:2525",
};

function buildApp() {
  if (process.env.BENCH_SKIP_BUILD === "1") {
    console.log("BENCH_SKIP_BUILD=1: using the existing production build in .next");
    return;
  }
  console.log("Building the production app (next build)…");
  // next build adds its build folder's type paths to tsconfig.json; a bench leaves the checkout as it was.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const build = spawnSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
  writeFileSync("tsconfig.json", tsconfig);
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(baseUrl, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer on ${baseUrl} within ${timeoutMs / 1000} s`);
}

export async function startProductionServer(port: number, extraEnv: Record<string, string | undefined> = {}): Promise<ProductionServer> {
  buildApp();
  const baseUrl = `http://localhost:${port}`;
  const child = spawn("npx", ["next", "start", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: { ...BENCH_ONLY_SECRETS, ...process.env, ...extraEnv, NODE_ENV: "production", APP_URL: baseUrl, NEXTAUTH_URL: baseUrl } as NodeJS.ProcessEnv,
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  try {
    await waitUntilServing(baseUrl, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, processGroup: child.pid!, stop };
}
