/**
 * Several instances on one PostgreSQL, as behind a load balancer: two web instances (`next start`
 * on the production build, ENTRAIDE_WORKER=off) and two workers (`npm run worker`), with the
 * same NEXTAUTH_SECRET and no shared memory. Checks what a load balancer without sticky sessions
 * needs: a session made on A works on B; a reply posted through A reaches a live reader streaming
 * from B (each instance LISTENs on its own connection); the reply's e-mails, fanned out and sent
 * by whichever worker takes the jobs, each go out exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasProductionBuild, pickFreePorts, NEXT_DIST_DIR, startWebProcess, startWorkerProcess, type AppProcess } from "@/test/faults/support/app-processes";
import { configureTestProcess, emailStatuses, eventually, newThreadEvent, productWithWatchers } from "@/test/faults/support/fault-world";
import { findLink, startRecordingSmtpSink, tally, type RecordingSmtpSink } from "@/test/faults/support/recording-smtp-sink";
import { startRestartablePostgres, type RestartablePostgres } from "@/test/faults/support/restartable-postgres";
import { callFormAction, repliedPostId, serverActionId, SESSION_COOKIE } from "@/test/faults/support/web-client";
import { db } from "@/server/db/client";
import { uniqueToken } from "@/test/fixtures/catalog";

let urlA: string;
let urlB: string;
// Links in e-mails are built from APP_URL, the address behind the load balancer; here it is A's.
let appUrl: string;
const WATCHERS = 300;
const EMAIL_EVERY = 2; // 150 e-mails

if (!hasProductionBuild()) throw new Error(`No production build in ${NEXT_DIST_DIR}: run \`next build\` first (npm run test:e2e does).`);

let database: RestartablePostgres;
let sink: RecordingSmtpSink;
const processes: AppProcess[] = [];

beforeAll(async () => {
  const [postgresPort, smtpPort, portA, portB] = await pickFreePorts(4);
  urlA = `http://127.0.0.1:${portA}`;
  urlB = `http://127.0.0.1:${portB}`;
  appUrl = urlA;
  database = await startRestartablePostgres(postgresPort!);
  sink = await startRecordingSmtpSink(smtpPort!);
  const settings = { databaseUrl: database.url, smtpUrl: sink.url, appUrl };
  configureTestProcess(settings);
  // All four start at once, as a deploy does. Every one that started is kept for afterAll to
  // stop, even when another failed to start.
  const results = await Promise.allSettled([
    startWebProcess("web A", portA!, settings),
    startWebProcess("web B", portB!, settings),
    startWorkerProcess("worker 1", settings),
    startWorkerProcess("worker 2", settings),
  ]);
  for (const result of results) if (result.status === "fulfilled") processes.push(result.value);
  for (const result of results) if (result.status === "rejected") throw result.reason;
}, 180_000);

afterAll(async () => {
  await Promise.all(processes.map((child) => child.stop()));
  if (database && process.env.DATABASE_URL === database.url) await db().$disconnect().catch(() => {});
  await sink?.stop();
  await database?.destroy();
}, 60_000);

/** Cookies from Set-Cookie headers, as name=value pairs. */
function cookiesOf(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.getSetCookie().map((line) => line.split(";")[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]));
}

/** Signs in with an e-mail link on `baseUrl`, the real way: CSRF token, link by e-mail, callback. */
async function signInByEmail(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiesOf(csrf);
  const cookieHeader = Object.entries(csrfCookies).map(([name, value]) => `${name}=${value}`).join("; ");
  const asked = await fetch(`${baseUrl}/api/auth/signin/email`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: `${appUrl}/`, json: "true" }),
    redirect: "manual",
  });
  expect(asked.status).toBeLessThan(400);
  await eventually("the sign-in e-mail", async () => sink.received.some((message) => message.to === email), 20_000, 100);
  const link = findLink(sink.received.find((message) => message.to === email)!, `${appUrl}/api/auth/callback/email`);
  expect(link).toBeDefined();
  const callback = await fetch(link!.replace(appUrl, baseUrl), { headers: { Cookie: cookieHeader }, redirect: "manual" });
  const session = cookiesOf(callback)[SESSION_COOKIE];
  expect(session, `no session cookie from the callback (status ${callback.status})`).toBeTruthy();
  return `${SESSION_COOKIE}=${session}`;
}

/** Reads server-sent events from `url` until `until` matches the text so far (or the timeout). */
async function openEventStream(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { Accept: "text/event-stream" }, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const waitFor = async (pattern: RegExp, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(text)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No ${pattern} on the event stream within ${timeoutMs} ms; got:\n${text}`);
      const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
      if (chunk === null) continue;
      if (chunk.done) throw new Error(`The event stream ended; got:\n${text}`);
      text += decoder.decode(chunk.value, { stream: true });
    }
  };
  return { waitFor, close: () => controller.abort() };
}

describe("two web instances and two workers on one database", () => {
  it("a session made on A works on B, a reply posted through A reaches a reader on B, each e-mail goes out once", async () => {
    const world = await productWithWatchers(WATCHERS, EMAIL_EVERY);
    const thread = await newThreadEvent(world.product.slug, world.author.id);
    const pagePath = `/t/${thread.threadId}/${thread.slug}`;
    const email = `multi-${uniqueToken()}@faults.test`;
    // A member already (joining has its own tests); signing in is what this test is about.
    await db().user.create({ data: { email, displayName: "Multi", isMember: true, memberSince: new Date() } });

    // 1. Session: signed in on A, recognised on B.
    const cookie = await signInByEmail(urlA, email);
    const sessionOnB = (await (await fetch(`${urlB}/api/auth/session`, { headers: { Cookie: cookie } })).json()) as { user?: { email?: string } };
    expect(sessionOnB.user?.email).toBe(email);

    // 2. Live update across instances: a reader streams from B, the reply is posted through A.
    const stream = await openEventStream(`${urlB}/api/threads/${thread.threadId}/events`);
    try {
      await stream.waitFor(/: connected/, 10_000);
      const posted = await callFormAction({ baseUrl: urlA, pagePath, actionId: serverActionId("app/t/[id]/[slug]/actions.ts", "replyAction"), cookie, fields: { threadId: thread.threadId, body: "Posted on A, read on B" } });
      const postId = repliedPostId(posted.body);
      expect(postId, posted.body.slice(0, 500)).not.toBeNull();
      await stream.waitFor(new RegExp(`event: thread\\ndata: \\{[^\\n]*"postId":"${postId}"`), 10_000);
    } finally {
      stream.close();
    }

    // 3. The reply's e-mails: web A only queued the fan-out (ENTRAIDE_WORKER=off); the workers
    // fan out and send, competing for jobs and rows. Each recipient gets one message, once.
    const replyEvent = await db().notificationEvent.findFirstOrThrow({ where: { threadId: thread.threadId, kind: "REPLY_POSTED" }, select: { id: true } });
    await eventually("every e-mail of the reply to be SENT", async () => (await emailStatuses(replyEvent.id)).SENT === world.emails, 120_000);
    const rows = await db().emailDelivery.findMany({ where: { eventId: replyEvent.id }, select: { messageId: true, user: { select: { email: true } } } });
    const alerts = sink.received.filter((message) => rows.some((row) => row.messageId === message.messageId));
    const { perRecipient, duplicates } = tally(alerts);
    expect(alerts).toHaveLength(world.emails);
    expect(duplicates).toEqual([]);
    for (const row of rows) expect([...(perRecipient.get(row.user.email) ?? [])]).toEqual([row.messageId]);
    expect(await db().notification.count({ where: { eventId: replyEvent.id } })).toBe(WATCHERS + 1); // watchers + the thread's author
  }, 240_000);
});
