/**
 * A web instance (`next start`, production build) is killed with SIGKILL while many members post
 * replies at once through the real server action. Whatever the kill interrupted, PostgreSQL's
 * transactions decide: every reply whose request was answered with success exists; a request
 * cut off may or may not have committed (the client cannot know — like any lost response), but
 * nothing is half-written: the thread's replyCount equals its replies, and every reply has its
 * outbox event (so its notifications will be fanned out). Then the instance starts again and
 * serves the thread and new replies.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { hasProductionBuild, pickFreePorts, NEXT_DIST_DIR, startWebProcess, type AppProcess } from "./support/app-processes";
import { configureTestProcess, newThreadEvent, productWithWatchers } from "./support/fault-world";
import { startRecordingSmtpSink, type RecordingSmtpSink } from "./support/recording-smtp-sink";
import { startRestartablePostgres, type RestartablePostgres } from "./support/restartable-postgres";
import { callFormAction, repliedPostId, serverActionId, sessionCookieFor } from "./support/web-client";

const MEMBERS = 40;
const REPLIES_EACH = 3; // under the posting limit of 5 a minute

if (!hasProductionBuild()) throw new Error(`No production build in ${NEXT_DIST_DIR}: run \`next build\` first (npm run test:e2e does).`);

let database: RestartablePostgres;
let sink: RecordingSmtpSink;
let web: AppProcess | undefined;
let settings: { databaseUrl: string; smtpUrl: string; appUrl: string };
let webPort: number;
let baseUrl: string;

beforeAll(async () => {
  const [postgresPort, smtpPort, port] = await pickFreePorts(3);
  webPort = port!;
  baseUrl = `http://127.0.0.1:${webPort}`;
  database = await startRestartablePostgres(postgresPort!);
  sink = await startRecordingSmtpSink(smtpPort!);
  settings = { databaseUrl: database.url, smtpUrl: sink.url, appUrl: baseUrl };
  configureTestProcess(settings);
  web = await startWebProcess("web", webPort, settings);
}, 120_000);

afterAll(async () => {
  await web?.stop();
  if (database && process.env.DATABASE_URL === database.url) await db().$disconnect().catch(() => {});
  await sink?.stop();
  await database?.destroy();
}, 60_000);

describe("a web instance killed mid-request", () => {
  it("loses no committed reply and leaves nothing half-written", async () => {
    const world = await productWithWatchers(10, 1);
    const thread = await newThreadEvent(world.product.slug, world.author.id);
    const pagePath = `/t/${thread.threadId}/${thread.slug}`;
    const actionId = serverActionId("app/t/[id]/[slug]/actions.ts", "replyAction");
    const members = await Promise.all(Array.from({ length: MEMBERS }, () => createWriter()));
    const people = await db().user.findMany({ where: { id: { in: members.map((member) => member.id) } }, select: { id: true, email: true } });
    const cookies = await Promise.all(people.map((person) => sessionCookieFor(person)));

    // The build works before the fault: one reply goes through the action.
    const first = await callFormAction({ baseUrl, pagePath, actionId, cookie: cookies[0]!, fields: { threadId: thread.threadId, body: "Before the crash" } });
    const firstId = repliedPostId(first.body);
    expect(first.status, first.body.slice(0, 500)).toBe(200);
    expect(firstId, first.body.slice(0, 1500)).not.toBeNull();

    // Every member posts REPLIES_EACH replies one after another; all members at once.
    const succeeded: string[] = [];
    let failedRequests = 0;
    let sentRequests = 0;
    const posting = Promise.all(
      cookies.map(async (cookie, member) => {
        for (let n = 0; n < REPLIES_EACH; n += 1) {
          if (member === 0 && n === 0) continue; // already posted "Before the crash"
          sentRequests += 1;
          try {
            const answer = await callFormAction({ baseUrl, pagePath, actionId, cookie, fields: { threadId: thread.threadId, body: `Reply ${n} from member ${member}` } });
            const postId = answer.status === 200 ? repliedPostId(answer.body) : null;
            if (postId) succeeded.push(postId);
            else failedRequests += 1;
          } catch {
            failedRequests += 1; // connection reset by the kill, or refused afterwards
          }
        }
      }),
    );
    // Kill once some replies have been answered, while the others are in flight.
    const deadline = Date.now() + 90_000;
    while (succeeded.length < 15 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await web!.kill();
    await posting;
    expect(succeeded.length, "replies answered before the kill").toBeGreaterThanOrEqual(15);
    expect(failedRequests, "the kill interrupted nothing: it came too late").toBeGreaterThan(0);

    // Every acknowledged reply committed, with its outbox event.
    const acknowledged = [firstId!, ...succeeded];
    const found = await db().post.findMany({ where: { id: { in: acknowledged } }, select: { id: true } });
    expect(found).toHaveLength(acknowledged.length);
    // Nothing half-written: counters and outbox agree with the replies that exist.
    const replies = await db().post.findMany({ where: { threadId: thread.threadId, depth: { gt: 0 }, deletedAt: null }, select: { id: true } });
    const counted = await db().thread.findUniqueOrThrow({ where: { id: thread.threadId }, select: { replyCount: true } });
    expect(counted.replyCount).toBe(replies.length);
    const events = await db().notificationEvent.groupBy({ by: ["postId"], where: { postId: { in: replies.map((reply) => reply.id) }, kind: "REPLY_POSTED" }, _count: { _all: true } });
    expect(events).toHaveLength(replies.length);
    expect(events.every((event) => event._count._all === 1)).toBe(true);
    console.info(
      `[faults] web kill: ${sentRequests + 1} replies sent, ${acknowledged.length} acknowledged, ${replies.length} committed ` +
        `(${replies.length - acknowledged.length} committed but unanswered), ${failedRequests} requests cut off`,
    );

    // The instance comes back and serves the thread and new replies.
    web = await startWebProcess("web (restarted)", webPort, settings);
    const page = await fetch(`${baseUrl}${pagePath}`);
    expect(page.status).toBe(200);
    const after = await callFormAction({ baseUrl, pagePath, actionId, cookie: cookies[MEMBERS - 1]!, fields: { threadId: thread.threadId, body: "After the restart" } });
    expect(repliedPostId(after.body)).not.toBeNull();
  }, 240_000);
});
