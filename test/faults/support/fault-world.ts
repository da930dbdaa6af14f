/**
 * Data and polling for the fault and multi-instance tests. The test process talks to the test's
 * own database through the app's Prisma client (env() is read once: point DATABASE_URL and
 * SMTP_URL at the test's servers with configureTestProcess() before anything uses it).
 */
import type PgBoss from "pg-boss";
import { createJobQueue } from "@/server/jobs/create-job-queue";
import { QUEUE } from "@/server/jobs/queue-names";
import { db } from "@/server/db/client";
import { createThread } from "@/server/discussions/create-thread";
import { uniqueToken } from "@/test/fixtures/catalog";

export function configureTestProcess(settings: { databaseUrl: string; smtpUrl: string; appUrl: string }) {
  process.env.DATABASE_URL = settings.databaseUrl;
  process.env.SMTP_URL = settings.smtpUrl;
  process.env.APP_URL = settings.appUrl;
  process.env.EMAIL_FROM = "Entraide <alerts@faults.test>";
  (globalThis as unknown as { entraidePrisma?: unknown }).entraidePrisma = undefined;
}

/**
 * A product watched at Everything (in-app on) by `watchers` members, e-mail on for 1 in
 * `emailEvery`; set-based like the fan-out bench. Returns what the assertions need.
 */
export async function productWithWatchers(watchers: number, emailEvery: number) {
  const stamp = uniqueToken();
  const category = await db().category.create({ data: { name: `Faults ${stamp}`, slug: `faults-${stamp}` }, select: { id: true } });
  const product = await db().product.create({
    data: { categoryId: category.id, name: `Faults product ${stamp}`, sku: `FAULTS-${stamp.toUpperCase()}`, slug: `faults-product-${stamp}` },
    select: { id: true, slug: true },
  });
  await db().$executeRaw`
    INSERT INTO "User" ("id", "email", "displayName", "locale", "isMember", "memberSince", "createdAt", "updatedAt")
    SELECT 'fw' || ${stamp} || '_' || g, 'watcher-' || ${stamp} || '-' || g || '@faults.test', 'Watcher ' || g,
           'en'::"Locale", true, now(), now(), now()
    FROM generate_series(1, ${watchers}::int) g`;
  await db().$executeRaw`
    INSERT INTO "AlertSubscription" ("id", "userId", "productId", "level", "inApp", "email", "source", "chosenAt", "updatedAt")
    SELECT 'fs' || ${stamp} || '_' || g, 'fw' || ${stamp} || '_' || g, ${product.id}, 'EVERYTHING'::"AlertLevel", true, g % ${emailEvery}::int = 0,
           'PRODUCT_PAGE'::"ConsentSource", now(), now()
    FROM generate_series(1, ${watchers}::int) g`;
  await db().$executeRawUnsafe(`ANALYZE "User", "AlertSubscription"`);
  const author = await db().user.create({
    data: { email: `author-${stamp}@faults.test`, displayName: `Author ${stamp}`, isMember: true, memberSince: new Date() },
    select: { id: true },
  });
  return { product, author, watchers, emails: Math.floor(watchers / emailEvery) };
}

/** One new thread (post + outbox event in one transaction, as the web does); its event id. */
export async function newThreadEvent(productSlug: string, authorId: string) {
  const thread = await createThread({ actorId: authorId, productSlug, kind: "DISCUSSION", title: `Firmware ${uniqueToken()} is out`, body: "Release notes inside.", language: "en" });
  const event = await db().notificationEvent.findFirstOrThrow({ where: { postId: thread.postId }, select: { id: true } });
  return { ...thread, eventId: event.id };
}

/** Hands jobs to the workers the way a web instance does (a "sender" PgBoss), then lets it go. */
export async function sendJobs(databaseUrl: string, jobs: { name: string; data: Record<string, unknown> }[]) {
  const boss: PgBoss = await createJobQueue({ connectionString: databaseUrl, role: "sender" });
  try {
    for (const job of jobs) await boss.send(job.name, job.data);
  } finally {
    // The jobs are in; a database restarting under the test may make the goodbye fail.
    await boss.stop({ graceful: false, wait: true, timeout: 2_000 }).catch(() => {});
  }
}

export const fanOutJob = (eventId: bigint) => ({ name: QUEUE.fanOut, data: { eventId: eventId.toString() } });
export const sendEmailJob = () => ({ name: QUEUE.sendEmail, data: {} });

/** Polls `probe` (errors count as "not yet": the database may be restarting) until it returns true. */
export async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}${lastError ? ` (last error: ${String(lastError)})` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function emailStatuses(eventId: bigint): Promise<Record<string, number>> {
  const rows = await db().emailDelivery.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all]));
}
