/**
 * The app's real processes for the fault and multi-instance tests: `npm run worker`'s script and
 * `next start` on a production build, each in its own process group so that a stop or a SIGKILL
 * reaches every child (npx/next → next-server). Their output is kept for failure messages.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isPortFree } from "@/scripts/database/embedded-postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/**
 * Free ports from the range kept for these suites (4700–4799), checked at start-up: other
 * programs on a shared machine (a developer's e2e run with a port offset) may hold some of them.
 */
export async function pickFreePorts(count: number): Promise<number[]> {
  const picked: number[] = [];
  for (let port = 4700; port <= 4799 && picked.length < count; port += 1) {
    if (await isPortFree(port)) picked.push(port);
  }
  if (picked.length < count) throw new Error(`Only ${picked.length} free ports in 4700–4799, ${count} needed`);
  return picked;
}

/** The production build the web tests start: the one `npm run test:e2e` just made, or ENTRAIDE_NEXT_DIST_DIR's. */
export const NEXT_DIST_DIR = process.env.ENTRAIDE_NEXT_DIST_DIR || ".next";

export function hasProductionBuild(): boolean {
  return existsSync(path.join(root, NEXT_DIST_DIR, "BUILD_ID"));
}

export const TEST_SECRETS = {
  NEXTAUTH_SECRET: "faults-and-instances-nextauth-secret-0123456789",
  SHOP_WEBHOOK_SECRET: "faults-and-instances-webhook-secret-0123456789",
  TOKEN_SIGNING_KEYS: "faults:faults-and-instances-token-key-0123456789",
} as const;

export interface AppProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  /** Resolves once a line of output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM to the group, then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to the whole group, as the OOM killer or a lost machine would. */
  kill(): Promise<void>;
}

function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    // Enough for a failure message; the processes can log a lot under faults.
    if (output.length > 200_000) output = output.slice(-100_000);
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
    } catch {
      // the group is already gone
    }
  };
  const isRunning = () => child.exitCode === null && child.signalCode === null;

  return {
    name,
    child,
    output: () => output,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) {
            done();
            resolve();
          } else if (!isRunning()) {
            done();
            reject(new Error(`${name} exited before printing ${pattern}:\n${output.slice(-4000)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${output.slice(-4000)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off("exit", check);
        };
        listeners.add(check);
        child.on("exit", check);
        check();
      });
    },
    async stop(graceMs = 10_000) {
      if (!isRunning()) return;
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      // Grandchildren (next-server) may outlive the group leader for a moment.
      signal("SIGKILL");
    },
    async kill() {
      signal("SIGKILL");
      if (isRunning()) await exited;
    },
  };
}

interface CommonEnv {
  databaseUrl: string;
  smtpUrl: string;
  appUrl: string;
}

function appEnv({ databaseUrl, smtpUrl, appUrl }: CommonEnv): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    EMAIL_FROM: "Entraide <alerts@faults.test>",
    NEXT_TELEMETRY_DISABLED: "1",
    ...TEST_SECRETS,
  };
}

/** `npm run worker` (its script, without npm in between so signals reach it directly). */
export async function startWorkerProcess(name: string, env: CommonEnv): Promise<AppProcess> {
  const worker = startProcess(name, bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], appEnv(env));
  await worker.waitFor(/\[entraide worker\] running/).catch(async (error: unknown) => {
    await worker.kill(); // never leave a half-started process behind
    throw error;
  });
  return worker;
}

/** `next start` on the production build, jobs off (ENTRAIDE_WORKER=off): a web instance only. */
export async function startWebProcess(name: string, port: number, env: CommonEnv): Promise<AppProcess> {
  const web = startProcess(name, bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    ...appEnv(env),
    ENTRAIDE_WORKER: "off",
    ENTRAIDE_NEXT_DIST_DIR: NEXT_DIST_DIR,
  });
  try {
    await web.waitFor(/Ready in|started server on/i);
    // Ready means listening; the first request also loads the app's modules.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/auth/csrf`).then((response) => response.ok, () => false);
      if (ok) return web;
      if (Date.now() > deadline) throw new Error(`${name} never answered:\n${web.output().slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await web.kill(); // never leave a half-started server behind
    throw error;
  }
}
