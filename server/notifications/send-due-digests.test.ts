import { randomUUID } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { POST as unsubscribePost } from "@/app/unsubscribe/[token]/route";
import { db } from "@/server/db/client";
import { createThread } from "@/server/discussions/create-thread";
import { replyToPost } from "@/server/discussions/reply-to-post";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { setEmailDelivery } from "@/server/preferences/set-email-delivery";
import { setEmailPaused } from "@/server/preferences/set-email-paused";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { ISOLATED_APP_URL, useIsolatedMailDatabase } from "@/test/fixtures/isolated-mail-database";
import { createJobQueue } from "@/server/jobs/create-job-queue";
import { startWorker } from "@/server/jobs/start-worker";
import { digestJob } from "./digest-job";
import { fanOutEvent } from "./fan-out-event";
import { sendDueDigests } from "./send-due-digests";

// Its own database: the digest job drains every due row, which must not touch other files' rows.
const mail = useIsolatedMailDatabase("digest");
const url = mail.url;
const APP = ISOLATED_APP_URL;

const session = (userId: string) => ({ via: "session" as const, userId });
const emailLink = (userId: string) => ({ via: "emailLink" as const, userId, oneClick: "unsubscribe" as const });

async function product(name = `Kestrel SSD ${uniqueToken()}`) {
  const category = await createTestCategory();
  return createTestProduct(category.id, name);
}

async function digestMember(frequency: "DAILY" | "WEEKLY", { hour = 8, weekday = 1, timeZone = "Europe/Paris" } = {}) {
  const member = await createWriter();
  await setEmailDelivery({ actor: session(member.id), frequency, digestHour: hour, digestWeekday: weekday, timeZone });
  return member;
}

async function watch(userId: string, productId: string) {
  await setAlertSubscription({ actor: session(userId), target: { type: "product", id: productId }, change: { level: "EVERYTHING", email: true }, source: "PRODUCT_PAGE", locale: "en", requestId: randomUUID() });
}

async function fanOutPost(postId: string) {
  const event = await db().notificationEvent.findFirstOrThrow({ where: { postId }, select: { id: true } });
  await fanOutEvent(event.id);
  return event.id;
}

/** A new thread by a fresh member (no posting limits), fanned out. */
async function newThread(on: { slug: string }, title = `Does it overheat ${uniqueToken()}?`, body = "Mine gets hot under load.") {
  const author = await createWriter();
  const created = await createThread({ actorId: author.id, productSlug: on.slug, kind: "QUESTION", title, body, language: "en" });
  await fanOutPost(created.postId);
  return { ...created, title };
}

async function reply(threadId: string, body: string) {
  const replier = await createWriter();
  const created = await replyToPost({ actorId: replier.id, threadId, body });
  await fanOutPost(created.postId);
  return created;
}

async function pendingOf(userId: string) {
  return db().emailDelivery.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { id: true, status: true, frequency: true, dueAt: true, digestId: true } });
}

async function emailOf(userId: string) {
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }).then((u) => u.email);
}
const to = (message: ParsedMail) => JSON.stringify(message.to);
const rawHeader = (message: ParsedMail, name: string) => message.headerLines.filter((line) => line.key === name).map((line) => line.line.replace(/\r?\n[ \t]+/g, " "));
const minutes = (date: Date, count: number) => new Date(date.getTime() + count * 60_000);

describe("sendDueDigests", () => {
  it("sends a daily member one digest at their slot: 3 events grouped by product and thread, with the list headers", async () => {
    const [ssd, router] = [await product("Kestrel SSD 2TB"), await product("Osprey Router AX")];
    const member = await digestMember("DAILY", { hour: 7, timeZone: "Europe/Paris" });
    await watch(member.id, ssd.id);
    await watch(member.id, router.id);
    const hot = await newThread(ssd, "Does the Kestrel overheat?", "Mine gets hot under load.");
    await reply(hot.threadId, "Add a heatsink, it stays under 60 °C.");
    const wifi = await newThread(router, "Wi-Fi drops every evening", "The 5 GHz band disappears at 8 pm.");

    const rows = await pendingOf(member.id);
    expect(rows.map((row) => [row.status, row.frequency])).toEqual([["PENDING", "DAILY"], ["PENDING", "DAILY"], ["PENDING", "DAILY"]]);
    const slot = rows[0]!.dueAt;
    expect(rows.every((row) => row.dueAt.getTime() === slot.getTime())).toBe(true);
    // 07:00 in Paris, the next one.
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(slot)).toBe("07:00");
    expect(slot.getTime()).toBeGreaterThan(Date.now());
    expect(slot.getTime()).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);

    // Not before the slot.
    expect(await sendDueDigests({ now: minutes(slot, -1) })).toMatchObject({ sent: 0 });
    expect(mail.sink().messages).toEqual([]);

    expect(await sendDueDigests({ now: slot })).toEqual({ sent: 1, empty: 0, retried: 0, failed: 0, moved: 0 });
    expect(await sendDueDigests({ now: minutes(slot, 15) })).toMatchObject({ sent: 0 });
    expect(mail.sink().messages).toHaveLength(1);
    const message = mail.sink().messages[0]!;
    expect(to(message)).toContain(await emailOf(member.id));
    expect(message.subject).toBe("Your daily digest: 3 new posts in 2 threads");

    const digest = await db().digest.findFirstOrThrow({ where: { userId: member.id } });
    const messageId = `<digest-daily-${slot.getTime()}-${member.id}@help.shop.test>`;
    expect(digest).toMatchObject({ frequency: "DAILY", status: "SENT", messageId });
    expect(digest.dueAt.getTime()).toBe(slot.getTime());
    expect(message.messageId).toBe(messageId);
    expect((await pendingOf(member.id)).map((row) => [row.status, row.digestId])).toEqual([["SENT", digest.id], ["SENT", digest.id], ["SENT", digest.id]]);

    // The same headers as every alert e-mail; the list is "digest".
    const [listUnsubscribe, ...more] = rawHeader(message, "list-unsubscribe");
    expect(more).toEqual([]);
    expect(listUnsubscribe).toMatch(/^List-Unsubscribe: <https:\/\/help\.shop\.test\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
    expect(rawHeader(message, "list-unsubscribe-post")).toEqual(["List-Unsubscribe-Post: List-Unsubscribe=One-Click"]);
    expect(rawHeader(message, "list-id").map((line) => line.replace(/^List-Id:/i, "List-Id:"))).toEqual(['List-Id: "Your e-mail digest" <digest.help.shop.test>']);

    // Grouped: product, then its threads with the count, excerpts and why; products in order.
    const text = message.text!;
    const at = (needle: string) => {
      const index = text.indexOf(needle);
      expect(index, needle).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at("Kestrel SSD 2TB")).toBeLessThan(at("* Does the Kestrel overheat? — 2 new posts"));
    expect(at("* Does the Kestrel overheat? — 2 new posts")).toBeLessThan(at("Mine gets hot under load."));
    expect(at("Mine gets hot under load.")).toBeLessThan(at("Add a heatsink, it stays under 60 °C."));
    expect(at("Add a heatsink, it stays under 60 °C.")).toBeLessThan(at("Osprey Router AX"));
    expect(at("Osprey Router AX")).toBeLessThan(at("* Wi-Fi drops every evening — 1 new post"));
    expect(text).toContain("Why: you chose to watch Kestrel SSD 2TB on");
    expect(text).toContain("Why: you chose to watch Osprey Router AX on");
    expect(text).toContain(`${APP}/t/${hot.threadId}/`);
    expect(text).toContain(`${APP}/t/${wifi.threadId}/`);
    const unsubscribeUrl = listUnsubscribe!.slice("List-Unsubscribe: <".length, -1);
    expect(text).toContain(unsubscribeUrl);
    expect(text).toMatch(new RegExp(`${APP}/preferences/[A-Za-z0-9_.-]+`));
    expect(message.html).toContain(`href="${unsubscribeUrl}"`);
    expect(message.html).toContain("<h2");

    // Its one-click unsubscribe pauses all alert e-mail (ledgered as an e-mail one-click).
    const response = await unsubscribePost(
      new Request(unsubscribeUrl, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "198.51.100.7" } }),
      { params: Promise.resolve({ token: unsubscribeUrl.slice(`${APP}/unsubscribe/`.length) }) },
    );
    expect(response.status).toBe(200);
    expect(await db().emailPreference.findUniqueOrThrow({ where: { userId: member.id }, select: { pausedAt: true } })).toEqual({ pausedAt: expect.any(Date) });
    expect(await db().consentEvent.count({ where: { subjectId: member.id, purpose: "ALERT_EMAIL", action: "WITHDRAWN", source: "EMAIL_ONE_CLICK" } })).toBe(1);
  });

  it("in the member's language", async () => {
    const ssd = await product();
    const member = await digestMember("DAILY");
    await db().user.update({ where: { id: member.id }, data: { locale: "fr" } });
    await watch(member.id, ssd.id);
    await newThread(ssd);
    const [row] = await pendingOf(member.id);
    expect(await sendDueDigests({ now: row!.dueAt })).toMatchObject({ sent: 1 });
    expect(mail.sink().messages[0]!.subject).toBe("Votre résumé du jour : 1 nouveau message dans 1 discussion");
    expect(mail.sink().messages[0]!.text).toContain("Se désabonner des résumés");
  });

  it("drops an item withdrawn before the digest; everything withdrawn sends nothing", async () => {
    const [kept, dropped] = [await product(), await product()];
    const member = await digestMember("DAILY");
    await watch(member.id, kept.id);
    await watch(member.id, dropped.id);
    const keptThread = await newThread(kept, `Kept ${uniqueToken()}`);
    const droppedThread = await newThread(dropped, `Dropped ${uniqueToken()}`);
    await setAlertSubscription({ actor: emailLink(member.id), target: { type: "product", id: dropped.id }, change: { email: false }, source: "PRODUCT_PAGE", locale: "en", requestId: randomUUID() });

    const slot = (await pendingOf(member.id))[0]!.dueAt;
    expect(await sendDueDigests({ now: slot })).toMatchObject({ sent: 1, empty: 0 });
    expect(mail.sink().messages).toHaveLength(1);
    expect(mail.sink().messages[0]!.subject).toBe("Your daily digest: 1 new post in 1 thread");
    expect(mail.sink().messages[0]!.text).toContain(keptThread.title);
    expect(mail.sink().messages[0]!.text).not.toContain(droppedThread.title);
    expect(mail.sink().messages[0]!.text).not.toContain(dropped.name);
    expect((await pendingOf(member.id)).map((row) => row.status)).toEqual(["SENT", "SKIPPED"]);

    // Two more items for the same slot (the clock has not moved) arrive after its digest went
    // out: they wait for the next slot. Then e-mail is paused: no digest at all.
    mail.sink().clear();
    await watch(member.id, dropped.id);
    await newThread(kept);
    await newThread(dropped);
    expect((await pendingOf(member.id)).slice(2).map((row) => row.dueAt.getTime())).toEqual([slot.getTime(), slot.getTime()]);
    expect(await sendDueDigests({ now: minutes(slot, 15) })).toEqual({ sent: 0, empty: 0, retried: 0, failed: 0, moved: 2 });
    const next = (await pendingOf(member.id)).at(-1)!.dueAt;
    expect(next.getTime()).toBe(slot.getTime() + 24 * 3_600_000);
    await setEmailPaused({ actor: emailLink(member.id), paused: true, locale: "en", requestId: randomUUID(), source: "PREFERENCE_CENTER" });
    expect(await sendDueDigests({ now: minutes(next, -1) })).toMatchObject({ sent: 0, empty: 0 });
    expect(await sendDueDigests({ now: next })).toEqual({ sent: 0, empty: 1, retried: 0, failed: 0, moved: 0 });
    expect(mail.sink().messages).toEqual([]);
    expect((await pendingOf(member.id)).map((row) => row.status)).toEqual(["SENT", "SKIPPED", "SKIPPED", "SKIPPED"]);
    expect(await db().digest.findMany({ where: { userId: member.id }, orderBy: { id: "asc" }, select: { status: true } })).toEqual([{ status: "SENT" }, { status: "SKIPPED" }]);
  });

  it("two runs at once send one digest", async () => {
    const ssd = await product();
    const members = await Promise.all([digestMember("DAILY"), digestMember("DAILY"), digestMember("DAILY")]);
    for (const member of members) await watch(member.id, ssd.id);
    for (let index = 0; index < 3; index += 1) await newThread(ssd);
    const slot = (await pendingOf(members[0]!.id))[0]!.dueAt;

    for (let round = 0; round < 5; round += 1) {
      const [a, b] = await Promise.all([sendDueDigests({ now: slot }), sendDueDigests({ now: slot })]);
      expect(a.sent + b.sent).toBe(round === 0 ? 3 : 0);
      expect(a.moved + b.moved).toBe(0);
    }
    expect(mail.sink().messages).toHaveLength(3);
    for (const member of members) {
      const address = await emailOf(member.id);
      expect(mail.sink().messages.filter((message) => to(message).includes(address))).toHaveLength(1);
      const [digest, ...others] = await db().digest.findMany({ where: { userId: member.id }, select: { id: true, status: true } });
      expect(others).toEqual([]);
      expect(digest!.status).toBe("SENT");
      // Every item in that one digest, none moved or touched by the losing run.
      expect((await pendingOf(member.id)).map((row) => [row.status, row.digestId, row.dueAt.getTime()])).toEqual(Array(3).fill(["SENT", digest!.id, slot.getTime()]));
    }
  });

  it("a weekly member's digest waits for their weekday and hour, in their time zone", async () => {
    const ssd = await product();
    // Wednesday 18:00 in New York.
    const member = await digestMember("WEEKLY", { hour: 18, weekday: 3, timeZone: "America/New_York" });
    await watch(member.id, ssd.id);
    await newThread(ssd);
    await reply((await newThread(ssd)).threadId, "Same here.");
    const rows = await pendingOf(member.id);
    expect(rows).toHaveLength(3);
    const slot = rows[0]!.dueAt;
    expect(new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", weekday: "long", hour: "2-digit", minute: "2-digit", hour12: false }).format(slot)).toBe("Wednesday 18:00");
    expect(slot.getTime()).toBeGreaterThan(Date.now());
    expect(slot.getTime()).toBeLessThanOrEqual(Date.now() + 7 * 24 * 3_600_000);

    // Every quarter hour of the day before the slot: nothing.
    for (let quarter = 96; quarter >= 1; quarter -= 1) {
      expect((await sendDueDigests({ now: minutes(slot, -15 * quarter) })).sent).toBe(0);
    }
    expect(mail.sink().messages).toEqual([]);
    expect(await sendDueDigests({ now: slot })).toMatchObject({ sent: 1 });
    expect(mail.sink().messages[0]!.subject).toBe("Your weekly digest: 3 new posts in 2 threads");
    expect(await db().digest.findFirstOrThrow({ where: { userId: member.id }, select: { frequency: true, status: true } })).toEqual({ frequency: "WEEKLY", status: "SENT" });
  });

  it("retries while SMTP is down and sends the digest once when it is back", async () => {
    const ssd = await product();
    const member = await digestMember("DAILY");
    await watch(member.id, ssd.id);
    await newThread(ssd);
    await newThread(ssd);
    const slot = (await pendingOf(member.id))[0]!.dueAt;
    const port = mail.sink().port;
    await mail.sink().stop();
    try {
      expect(await sendDueDigests({ now: slot })).toMatchObject({ sent: 0, retried: 1 });
      const digest = await db().digest.findFirstOrThrow({ where: { userId: member.id } });
      expect(digest).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.any(String) });
      const rows = await pendingOf(member.id);
      expect(rows.map((row) => [row.status, row.digestId])).toEqual([["PENDING", digest.id], ["PENDING", digest.id]]);
      // Backoff: not again right away.
      expect(rows.every((row) => row.dueAt.getTime() === minutes(slot, 2).getTime())).toBe(true);
      expect(await sendDueDigests({ now: minutes(slot, 1) })).toMatchObject({ sent: 0, retried: 0 });
    } finally {
      await mail.restartSink(port);
    }
    expect(await sendDueDigests({ now: minutes(slot, 2) })).toMatchObject({ sent: 1 });
    expect(await sendDueDigests({ now: minutes(slot, 60) })).toMatchObject({ sent: 0 });
    expect(mail.sink().messages).toHaveLength(1);
    expect(mail.sink().messages[0]!.subject).toBe("Your daily digest: 2 new posts in 2 threads");
    expect(await db().digest.findFirstOrThrow({ where: { userId: member.id }, select: { status: true, attempts: true } })).toEqual({ status: "SENT", attempts: 1 });
  });

  it("the digest job runs when a worker starts (slots that passed while none ran) and is scheduled every 15 minutes", async () => {
    const ssd = await product();
    const member = await digestMember("DAILY");
    await watch(member.id, ssd.id);
    await newThread(ssd);
    // A slot that passed an hour ago.
    await db().emailDelivery.updateMany({ where: { userId: member.id }, data: { dueAt: new Date(Date.now() - 3_600_000) } });
    const boss = await createJobQueue({ connectionString: url, role: "worker" });
    try {
      await startWorker(boss, [{ ...digestJob, pollingIntervalSeconds: 0.5 }]);
      const address = await emailOf(member.id);
      await mail.sink().waitForMessage((message) => to(message).includes(address), 15_000);
      // The e-mail is handed over before its transaction commits: wait for the row.
      await expect.poll(() => db().digest.findFirst({ where: { userId: member.id }, select: { status: true } }), { timeout: 5_000 }).toEqual({ status: "SENT" });
      expect(mail.sink().messages.filter((message) => to(message).includes(address))).toHaveLength(1);
      expect((await boss.getSchedules()).map((schedule) => [schedule.name, schedule.cron])).toContainEqual(["digest", "*/15 * * * *"]);
    } finally {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    }
  }, 30_000);
});
