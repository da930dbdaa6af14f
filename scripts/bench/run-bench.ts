/**
 * `npm run bench [-- --scale 0.1] [--duration 10] [--skip-lighthouse]` (issue 8): on a fresh
 * database (scripts/with-database.ts --fresh), generates the large community (seed:large, the
 * reference size unless --scale or BENCH_SCALE), builds and starts the production server (web
 * with ENTRAIDE_WORKER=off) and `npm run worker` beside it, both mailing a local SMTP sink, then:
 *   1. fans one new thread out to the big product's watchers through the real worker: time until
 *      every in-app row exists, and until every immediate e-mail is handed to the sink;
 *   2. loads the thread page (1,000 replies; anonymous and signed in), the big product's page,
 *      search (rotating queries) and the one-click unsubscribe POST (real signed tokens of many
 *      recipients) with autocannon at 1, 10 and 50 connections, and the unsubscribe POST at a fixed
 *      500 requests/s;
 *   3. measures the thread page's first-load JavaScript (gzip) and, unless --skip-lighthouse,
 *      runs Lighthouse (mobile) on the thread and product pages with /usr/bin/chromium;
 *   4. reads the peak memory (VmHWM) of the web server and of the worker.
 * Prints one table with the targets and writes bench-results/<timestamp>.md and .json.
 *
 * Every request carries its own X-Forwarded-For (as behind a load balancer, many clients): the
 * per-IP rate limits are not what is measured here.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import autocannon, { type AutocannonRequest } from "autocannon";
import { createProgressBar } from "../seed-large/progress-bar";
import { seedLargeCommunity, type LargeSeedResult } from "../seed-large/seed-large-community";
import { resolveSizes } from "../seed-large/seed-large-options";
import { startCountingSmtpSink } from "./counting-smtp-sink";
import { BENCH_ONLY_SECRETS, startProductionServer } from "./start-production-server";

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const HAND_OFF_TIMEOUT_MS = Number(process.env.BENCH_HANDOFF_TIMEOUT_SECONDS ?? 240) * 1000;
const TARGETS = { threadP99AtC50Ms: 100, unsubscribeP99At500Ms: 25, searchP95Ms: 30, fanOutSeconds: 20, firstLoadJsKb: 110 };
const SEARCH_QUERIES = ["firmware update", "ventilateur bruit", "battery drain", "écran scintillement", "bluetooth pairing", "garantie remplacement", "ssd slow boot", "pilote wifi", "monitor flicker", "mise à jour bios", "keyboard switches", "charnière couvercle"];

type Options = { scale: number; duration: number; warmup: number; lighthouse: boolean };
/**
 * `requests`: responses completed within the run; requests still unanswered when it ends are not
 * in the percentiles, so `drainSeconds` (how long the server then took to answer a trivial
 * request within a second) tells when the tail was worse than the percentiles say.
 */
type LoadRow = { scenario: string; connections: number | string; requests: number; rps: number; p50: number; p95: number; p99: number; non2xx: number; errors: number; drainSeconds: number };

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { scale: Number(process.env.BENCH_SCALE ?? 1), duration: Number(process.env.BENCH_DURATION ?? 10), warmup: 2, lighthouse: true };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === "--skip-lighthouse") options.lighthouse = false;
    else if (arg === "--scale" || arg === "--duration" || arg === "--warmup") {
      const value = Number(argv[++index]);
      if (!(value > 0)) throw new Error(`${arg} needs a positive number`);
      options[arg.slice(2) as "scale" | "duration" | "warmup"] = value;
    } else throw new Error(`Unknown option ${arg} (known: --scale N, --duration S, --warmup S, --skip-lighthouse)`);
  }
  return options;
}

const say = (line: string) => console.log(`[bench] ${line}`);
const quantile = (sorted: number[], q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
let ipCounter = 0;
/** A new client address per request: 10.x.y.z over 16 million values. */
const nextClientIp = () => {
  ipCounter = (ipCounter + 1) % 16_777_216;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

/** One autocannon run; latencies recorded per response (autocannon's own table has no p95). */
async function load(baseUrl: string, scenario: string, connections: number, duration: number, next: () => AutocannonRequest, overallRate?: number): Promise<LoadRow> {
  const samples: number[] = [];
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration,
    overallRate,
    timeout: 30,
    requests: [{ setupRequest: (request) => { const built = next(); return { ...request, ...built, headers: { ...built.headers, "x-forwarded-for": nextClientIp() } }; } }],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => samples.push(responseTime));
  const result = await instance;
  samples.sort((a, b) => a - b);
  if (samples.length === 0) {
    // Nothing answered within the run: say what one request alone gets, so the table is not a mystery.
    const request = next();
    const began = performance.now();
    const response = await fetch(new URL(request.path!, baseUrl), { method: request.method, headers: { ...request.headers, "x-forwarded-for": nextClientIp() }, body: request.body, redirect: "manual", signal: AbortSignal.timeout(120_000) }).catch((error: unknown) => error as Error);
    say(`${scenario} c${connections}: no response within the run; one request alone: ${response instanceof Error ? response.message : `${response.status} in ${(performance.now() - began).toFixed(0)} ms`}`);
  }
  return {
    scenario,
    connections: overallRate ? `${connections} @ ${overallRate}/s` : connections,
    requests: samples.length,
    rps: samples.length / result.duration,
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    p99: quantile(samples, 0.99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    drainSeconds: 0,
  };
}

/**
 * Waits until the server answers a trivial request within a second: requests still queued from
 * the previous run (autocannon stops sending, the server keeps working) must not be billed to the
 * next scenario. Returns how long it took to drain (gives up, saying so, after `timeoutMs`).
 */
async function waitUntilIdle(baseUrl: string, timeoutMs = 180_000): Promise<number> {
  const began = performance.now();
  for (;;) {
    const start = performance.now();
    try {
      const response = await fetch(new URL("/robots.txt", baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
      await response.arrayBuffer();
      if (performance.now() - start < 1_000) return performance.now() - began;
    } catch {
      // timed out or refused: the caller learns below
    }
    if (performance.now() - began > timeoutMs) {
      say(`the server is still busy ${timeoutMs / 1000} s after the previous run; going on`);
      return performance.now() - began;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The highest VmHWM (peak resident memory) among the processes of a process group, in MB. */
async function peakMemoryMb(processGroup: number): Promise<number | null> {
  let peak: number | null = null;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== processGroup) continue;
      const status = await readFile(`/proc/${entry}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
      if (kb > 0) peak = Math.max(peak ?? 0, kb / 1024);
    } catch {
      // the process ended while we looked
    }
  }
  return peak;
}

async function startWorker(env: Record<string, string | undefined>): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/worker.ts"], { stdio: ["ignore", "pipe", "inherit"], detached: true, env: env as NodeJS.ProcessEnv });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the worker did not start within 60 s")), 60_000);
    child.once("exit", (code) => reject(new Error(`the worker exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("running")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { child, stop };
}

async function waitFor(label: string, timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
  const began = performance.now();
  while (!(await check())) {
    if (performance.now() - began > timeoutMs) throw new Error(`${label}: not done within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - began;
}

/** Sum of the gzip sizes of the script files a page loads (its <script src> tags), in KB. */
async function firstLoadJavaScriptKb(pageUrl: string): Promise<{ kb: number; files: number }> {
  const html = await (await fetch(pageUrl, { signal: AbortSignal.timeout(120_000) })).text();
  // nomodule scripts (polyfills for old browsers) are not loaded by the browsers Lighthouse emulates.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&") ?? []))];
  let bytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, pageUrl), { signal: AbortSignal.timeout(60_000) })).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return { kb: bytes / 1024, files: sources.length };
}

type LighthouseScores = { page: string; performance: number; accessibility: number; bestPractices: number; seo: number };

/** Lighthouse (mobile, its default) with Debian's Chromium; null with the reason when it cannot run. */
async function runLighthouse(pages: { page: string; url: string }[]): Promise<{ scores: LighthouseScores[]; error: string | null }> {
  try {
    const { default: lighthouse } = (await import("lighthouse")) as unknown as { default: (url: string, flags: object) => Promise<{ lhr: { categories: Record<string, { score: number | null }> } } | undefined> };
    const chromeLauncher = (await import("chrome-launcher")) as unknown as { launch: (options: object) => Promise<{ port: number; kill: () => Promise<void> }> };
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    try {
      const scores: LighthouseScores[] = [];
      for (const { page, url } of pages) {
        const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
        const score = (key: string) => Math.round((result?.lhr.categories[key]?.score ?? 0) * 100);
        scores.push({ page, performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), seo: score("seo") });
      }
      return { scores, error: null };
    } finally {
      await chrome.kill();
    }
  } catch (error) {
    return { scores: [], error: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: run through scripts/with-database.ts --fresh (npm run bench)");
  // Its own build folder, so a bench never replaces the build someone else is serving.
  process.env.ENTRAIDE_NEXT_DIST_DIR ||= ".next-bench";
  for (const [name, value] of Object.entries(BENCH_ONLY_SECRETS)) process.env[name] ||= value;
  const sink = await startCountingSmtpSink();
  const baseUrl = `http://localhost:${PORT}`;
  // Before anything reads the environment: this process signs tokens and posts like the app.
  Object.assign(process.env, { SMTP_URL: sink.url, APP_URL: baseUrl, NEXTAUTH_URL: baseUrl });
  const started = performance.now();
  const sizes = resolveSizes(options.scale);

  // --- 1. Data -----------------------------------------------------------------------------
  say(`generating the community: ${Object.entries(sizes).map(([name, value]) => `${value.toLocaleString("en-US")} ${name}`).join(", ")}`);
  const bar = createProgressBar();
  const seed: LargeSeedResult = await seedLargeCommunity(databaseUrl, sizes, { onProgress: (progress) => bar.update(progress) });

  // --- 2. Servers ----------------------------------------------------------------------------
  const childEnv = { ...process.env, NODE_ENV: "production", ENTRAIDE_WORKER: "off" };
  say(`building and starting the production server (${process.env.ENTRAIDE_NEXT_DIST_DIR})`);
  const buildStart = performance.now();
  const server = await startProductionServer(PORT, childEnv);
  const buildMs = performance.now() - buildStart;
  const worker = await startWorker(childEnv);
  const { db } = await import("@/server/db/client");
  const { startProcessJobQueue, stopProcessJobQueue } = await import("@/server/jobs/process-job-queue");
  try {
    // --- 3. Fan-out through the real worker -------------------------------------------------
    await startProcessJobQueue("sender");
    const { createThread } = await import("@/server/discussions/create-thread");
    const author = `${seed.prefix}u${sizes.members}`;
    const receivedBefore = sink.received();
    const thread = await createThread({ actorId: author, productSlug: seed.bigProduct.slug, kind: "DISCUSSION", title: "Firmware 2.1 is out: what changed for the fan curve", body: "Release notes and first impressions after a week.", language: "en" });
    const posted = performance.now();
    const event = await db().notificationEvent.findFirstOrThrow({ where: { postId: thread.postId }, select: { id: true } });
    say(`fan-out of event ${event.id} to ${sizes.watchers.toLocaleString("en-US")} watchers`);
    await waitFor("fan-out", 600_000, async () => (await db().notificationEvent.count({ where: { id: event.id, fannedOutAt: { not: null } } })) === 1);
    const fanOutMs = performance.now() - posted;
    const inApp = await db().notification.count({ where: { eventId: event.id } });
    const immediate = await db().emailDelivery.count({ where: { eventId: event.id, frequency: "IMMEDIATE" } });
    const digestRows = await db().emailDelivery.count({ where: { eventId: event.id, frequency: { not: "IMMEDIATE" } } });
    // Bounded, so a slow sender cannot stretch the bench: the rate so far is the measure then.
    const handOffDone = await waitFor("e-mail hand-off", HAND_OFF_TIMEOUT_MS, async () => (await db().emailDelivery.count({ where: { eventId: event.id, frequency: "IMMEDIATE", status: "PENDING" } })) === 0)
      .then(() => true, () => false);
    const handOffMs = performance.now() - posted;
    const sentRows = await db().emailDelivery.count({ where: { eventId: event.id, frequency: "IMMEDIATE", status: "SENT" } });
    const received = sink.received() - receivedBefore;
    say(`in-app ${inApp} after ${(fanOutMs / 1000).toFixed(2)} s; ${sentRows}/${immediate} immediate e-mails SENT (${received} at the sink) after ${(handOffMs / 1000).toFixed(2)} s; ${digestRows} digest rows wait for their slot`);
    // The worker's peak is read now, then it stops: e-mails still being sent would otherwise take
    // CPU from the web server during the page loads below and the two measures would mix.
    const workerPeakMb = await peakMemoryMb(worker.child.pid!);
    await stopProcessJobQueue(5_000).catch(() => {});
    await worker.stop();

    // --- 4. Page and POST loads --------------------------------------------------------------
    const threadUrl = `/t/${seed.bigThread.id}/${seed.bigThread.slug}`;
    const productUrl = `/p/${seed.bigProduct.slug}`;
    const { encode } = await import("next-auth/jwt");
    const reader = await db().user.findUniqueOrThrow({ where: { id: `${seed.prefix}u2` }, select: { id: true, email: true, locale: true, displayName: true } });
    const sessionToken = await encode({ token: { sub: reader.id, email: reader.email, name: reader.displayName, role: "MEMBER", locale: reader.locale }, secret: process.env.NEXTAUTH_SECRET! });
    const { signUnsubscribeToken } = await import("@/server/notifications/sign-unsubscribe-token");
    const listKey = `product:${seed.bigProduct.id}`;
    let recipient = 0;
    // Real tokens of different recipients, each signed with the app's own function and keys.
    const nextUnsubscribe = (): AutocannonRequest => {
      recipient = (recipient % sizes.watchers) + 1;
      return { method: "POST", path: `/unsubscribe/${signUnsubscribeToken(`${seed.prefix}u${recipient}`, listKey)}`, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" };
    };
    let query = 0;
    const scenarios: { name: string; next: () => AutocannonRequest }[] = [
      { name: `Thread page (${seed.bigThread.replies} replies), anonymous`, next: () => ({ method: "GET", path: threadUrl }) },
      { name: "Thread page, signed-in reader", next: () => ({ method: "GET", path: threadUrl, headers: { cookie: `next-auth.session-token=${sessionToken}` } }) },
      { name: `Product page (${sizes.watchers.toLocaleString("en-US")} watchers)`, next: () => ({ method: "GET", path: productUrl }) },
      { name: `Search (${SEARCH_QUERIES.length} queries rotated)`, next: () => ({ method: "GET", path: `/search?q=${encodeURIComponent(SEARCH_QUERIES[query++ % SEARCH_QUERIES.length]!)}` }) },
      { name: "One-click unsubscribe POST", next: nextUnsubscribe },
    ];
    // Each answers 200 before it is loaded: a fast error page would measure nothing.
    for (const scenario of scenarios) {
      const request = scenario.next();
      const response = await fetch(new URL(request.path!, baseUrl), { method: request.method, headers: { ...request.headers, "x-forwarded-for": nextClientIp() }, body: request.body, redirect: "manual", signal: AbortSignal.timeout(120_000) });
      if (response.status !== 200) throw new Error(`${scenario.name}: ${request.method} ${request.path} answered ${response.status}`);
      await response.arrayBuffer();
    }
    const rows: LoadRow[] = [];
    for (const scenario of scenarios) {
      // One connection too: the latency of a request alone, without queueing behind others.
      for (const connections of [1, 10, 50]) {
        await waitUntilIdle(baseUrl);
        await load(baseUrl, scenario.name, connections, options.warmup, scenario.next);
        const row = await load(baseUrl, scenario.name, connections, options.duration, scenario.next);
        row.drainSeconds = (await waitUntilIdle(baseUrl)) / 1000;
        rows.push(row);
        say(`${row.scenario} c${row.connections}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, ${row.non2xx} non-2xx, ${row.errors} errors, drained in ${row.drainSeconds.toFixed(1)} s`);
      }
    }
    await waitUntilIdle(baseUrl);
    const fixedRate = await load(baseUrl, "One-click unsubscribe POST", 50, options.duration, nextUnsubscribe, 500);
    fixedRate.drainSeconds = (await waitUntilIdle(baseUrl)) / 1000;
    rows.push(fixedRate);
    say(`unsubscribe at 500/s: ${fixedRate.rps.toFixed(0)} req/s, p50 ${fixedRate.p50.toFixed(1)} ms, p95 ${fixedRate.p95.toFixed(1)} ms, p99 ${fixedRate.p99.toFixed(1)} ms, ${fixedRate.non2xx} non-2xx, ${fixedRate.errors} errors`);

    // --- 5. Browser metrics ------------------------------------------------------------------
    await waitUntilIdle(baseUrl);
    const javascript = await firstLoadJavaScriptKb(new URL(threadUrl, baseUrl).toString());
    const lighthouse = options.lighthouse
      ? await runLighthouse([{ page: "Thread page", url: new URL(threadUrl, baseUrl).toString() }, { page: "Product page", url: new URL(productUrl, baseUrl).toString() }])
      : { scores: [], error: "skipped (--skip-lighthouse)" };

    // --- 6. Memory and report ----------------------------------------------------------------
    const webPeakMb = await peakMemoryMb(server.processGroup);
    const find = (prefix: string, connections: number | string) => rows.find((row) => row.scenario.startsWith(prefix) && row.connections === connections)!;
    const threadC50 = find("Thread page (", 50);
    // NaN (no response at all within a run) stays NaN: it must not pass for a fast search.
    const searchWorstP95 = Math.max(find("Search", 10).p95, find("Search", 50).p95);
    const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
    const report = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} CPU (${os.cpus()[0]?.model.trim() ?? "unknown"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, load average at the end ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`,
      options,
      sizes,
      seedSteps: seed.steps.map((step) => ({ ...step, ms: Math.round(step.ms) })),
      seedMs: Math.round(seed.totalMs),
      buildAndStartMs: Math.round(buildMs),
      fanOut: { watchers: sizes.watchers, inApp, fanOutMs: Math.round(fanOutMs), immediateEmails: immediate, sentRows, received, handOffMs: Math.round(handOffMs), handOffDone, digestRows },
      loads: rows,
      javascript,
      lighthouse,
      memory: { webPeakMb, workerPeakMb },
      targets: TARGETS,
      totalMs: Math.round(performance.now() - started),
    };
    const mb = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(0)} MB`);
    const lines = [
      `# Benchmark ${report.date}`,
      "",
      `${report.machine}. Community: ${Object.entries(sizes).map(([name, value]) => `${value.toLocaleString("en-US")} ${name}`).join(", ")} (scale ${options.scale}); generated in ${(seed.totalMs / 1000).toFixed(0)} s (${seed.steps.map((step) => `${step.step} ${(step.ms / 1000).toFixed(1)} s`).join(", ")}). Production build + start ${(buildMs / 1000).toFixed(0)} s. Loads: autocannon, ${options.duration} s each after ${options.warmup} s of warm-up, one X-Forwarded-For per request.`,
      "",
      "| Measure | Connections | Requests | req/s | p50 ms | p95 ms | p99 ms | non-2xx / errors | Drain s | Target |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
      ...rows.map((row) => {
        let target = "";
        if (row === threadC50) target = `p99 < ${TARGETS.threadP99AtC50Ms} ms: ${verdict(row.p99 < TARGETS.threadP99AtC50Ms)}`;
        else if (row === fixedRate) target = `p99 < ${TARGETS.unsubscribeP99At500Ms} ms: ${verdict(row.p99 < TARGETS.unsubscribeP99At500Ms)}`;
        else if (row.scenario.startsWith("Search")) target = `p95 < ${TARGETS.searchP95Ms} ms: ${verdict(row.p95 < TARGETS.searchP95Ms)}`;
        else if (row.requests === 0) target = "no response within the run";
        const ms = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(0));
        return `| ${row.scenario} | ${row.connections} | ${row.requests.toLocaleString("en-US")} | ${row.rps.toFixed(0)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${row.non2xx} / ${row.errors} | ${row.drainSeconds.toFixed(1)} | ${target} |`;
      }),
      "",
      "| Measure | Value | Target |",
      "| --- | --- | --- |",
      `| Fan-out of one new thread: in-app rows for every watcher (post → fannedOutAt, real worker) | ${inApp.toLocaleString("en-US")} rows in ${(fanOutMs / 1000).toFixed(2)} s | < ${TARGETS.fanOutSeconds} s: ${verdict(fanOutMs < TARGETS.fanOutSeconds * 1000)} |`,
      `| … and every immediate e-mail handed to the SMTP sink${handOffDone ? "" : ` (stopped waiting after ${HAND_OFF_TIMEOUT_MS / 1000} s)`} | ${sentRows.toLocaleString("en-US")} of ${immediate.toLocaleString("en-US")} SENT, ${received.toLocaleString("en-US")} received, ${(handOffMs / 1000).toFixed(1)} s after the post (${(sentRows / Math.max(0.001, (handOffMs - fanOutMs) / 1000)).toFixed(0)} msg/s after the fan-out) | |`,
      `| Digest rows written (sent at each member's hour) | ${digestRows.toLocaleString("en-US")} | |`,
      `| Search p95, one request at a time (c1) | ${find("Search", 1).p95.toFixed(0)} ms | < ${TARGETS.searchP95Ms} ms: ${verdict(find("Search", 1).p95 < TARGETS.searchP95Ms)} |`,
      `| Search p95, worst of c10/c50 | ${Number.isNaN(searchWorstP95) ? "no response within a run" : `${searchWorstP95.toFixed(0)} ms`} | < ${TARGETS.searchP95Ms} ms: ${verdict(searchWorstP95 < TARGETS.searchP95Ms)} |`,
      `| Thread page first-load JavaScript (gzip -9 of its ${javascript.files} scripts) | ${javascript.kb.toFixed(1)} KB | < ${TARGETS.firstLoadJsKb} KB: ${verdict(javascript.kb < TARGETS.firstLoadJsKb)} |`,
      ...(lighthouse.scores.length
        ? lighthouse.scores.map((s) => `| Lighthouse mobile, ${s.page}: performance / accessibility / best practices / SEO | ${s.performance} / ${s.accessibility} / ${s.bestPractices} / ${s.seo} | 100 each |`)
        : [`| Lighthouse | not run: ${lighthouse.error} | 100 each |`]),
      `| Peak memory (VmHWM), web server (next-server) | ${mb(webPeakMb)} | |`,
      `| Peak memory (VmHWM), worker | ${mb(workerPeakMb)} | |`,
      "",
      `Total bench time ${(report.totalMs / 1000).toFixed(0)} s.`,
    ];
    const markdown = `${lines.join("\n")}\n`;
    console.log(`\n${markdown}`);
    const stampName = report.date.replaceAll(":", "-").replace(/\.\d+Z$/, "Z");
    const directory = path.resolve("bench-results");
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, `${stampName}.md`), markdown);
    await writeFile(path.join(directory, `${stampName}.json`), `${JSON.stringify(report, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value), 2)}\n`);
    say(`written to bench-results/${stampName}.md and .json`);
  } finally {
    // Each one whatever happened to the others: a server left running would hold its port.
    await stopProcessJobQueue(5_000).catch(() => {});
    await worker.stop().catch((error: unknown) => say(`stopping the worker: ${String(error)}`));
    await server.stop().catch((error: unknown) => say(`stopping the server: ${String(error)}`));
    await sink.stop().catch(() => {});
    await db().$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
