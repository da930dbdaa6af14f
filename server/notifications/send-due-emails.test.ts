import { randomUUID } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { POST as unsubscribePost } from "@/app/unsubscribe/[token]/route";
import { db } from "@/server/db/client";
import { createThread } from "@/server/discussions/create-thread";
import { setAlertSubscription } from "@/server/preferences/set-alert-subscription";
import { createTestCategory, createTestProduct, uniqueToken } from "@/test/fixtures/catalog";
import { createWriter } from "@/test/fixtures/discussion-writers";
import { ISOLATED_APP_URL, useIsolatedMailDatabase } from "@/test/fixtures/isolated-mail-database";
import { fanOutEvent } from "./fan-out-event";
import { listFailedEmailDeliveries } from "./list-failed-email-deliveries";
import { MAX_EMAIL_ATTEMPTS, sendDueEmails } from "./send-due-emails";

// Its own database: the sender drains every due row, which must not touch other files' rows.
const mail = useIsolatedMailDatabase("sender");
const APP = ISOLATED_APP_URL;

async function world() {
  const category = await createTestCategory();
  const product = await createTestProduct(category.id, `Kestrel SSD ${uniqueToken()}`);
  return { category, product };
}

async function watchWithEmail(userId: string, productId: string) {
  await setAlertSubscription({
    actor: { via: "session", userId },
    target: { type: "product", id: productId },
    change: { level: "NEW_THREADS", email: true },
    source: "PRODUCT_PAGE",
    locale: "en",
    requestId: randomUUID(),
  });
}

/** A new thread by a fresh member (no posting limits), fanned out: its e-mail rows are PENDING. */
async function newThreadOn(product: { slug: string }) {
  const author = await createWriter();
  const created = await createThread({ actorId: author.id, productSlug: product.slug, kind: "QUESTION", title: `Does it overheat ${uniqueToken()}?`, body: "Mine gets hot under load.", language: "en" });
  const event = await db().notificationEvent.findFirstOrThrow({ where: { postId: created.postId }, select: { id: true } });
  await fanOutEvent(event.id);
  return { ...created, eventId: event.id };
}

const to = (message: ParsedMail) => JSON.stringify(message.to);
/** The header's raw lines, unfolded (RFC 5322 folding: CRLF + whitespace). */
const rawHeader = (message: ParsedMail, name: string) => message.headerLines.filter((line) => line.key === name).map((line) => line.line.replace(/\r?\n[ \t]+/g, " "));
async function emailOf(userId: string) {
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }).then((u) => u.email);
}

function oneClickRequest(unsubscribeUrl: string): Request {
  return new Request(unsubscribeUrl, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `198.51.100.${uniqueToken()}` } });
}
const tokenOf = (unsubscribeUrl: string) => unsubscribeUrl.slice(`${APP}/unsubscribe/`.length);

describe("sendDueEmails", () => {
  it("sends a member who chose e-mail alerts exactly one e-mail per event, with the list headers; a buyer who never joined gets nothing", async () => {
    const { product } = await world();
    const watcher = await createWriter();
    await watchWithEmail(watcher.id, product.id);
    const buyer = await db().user.create({
      data: { email: `buyer-${uniqueToken()}@example.test`, purchases: { create: { orderId: `O-${uniqueToken()}`, productId: product.id, quantity: 1, purchasedAt: new Date() } } },
      select: { id: true, email: true },
    });
    const thread = await newThreadOn(product);

    expect(await sendDueEmails()).toEqual({ sent: 1, skipped: 0, retried: 0, failed: 0 });
    expect(await sendDueEmails()).toEqual({ sent: 0, skipped: 0, retried: 0, failed: 0 });
    const address = await emailOf(watcher.id);
    expect(mail.sink().messages.map(to)).toEqual([expect.stringContaining(address)]);
    expect(mail.sink().messages.some((m) => to(m).includes(buyer.email))).toBe(false);

    const message = mail.sink().messages[0]!;
    const delivery = await db().emailDelivery.findFirstOrThrow({ where: { eventId: thread.eventId, userId: watcher.id } });
    expect(delivery).toMatchObject({ status: "SENT", attempts: 0, messageId: `<delivery-${delivery.id}@help.shop.test>` });
    expect(message.messageId).toBe(`<delivery-${delivery.id}@help.shop.test>`);
    expect(message.subject).toMatch(new RegExp(`^New thread about ${product.name}: Does it overheat`));

    // Exactly one https URL, in angle brackets; the one-click POST header exactly as RFC 8058 says.
    const [listUnsubscribe, ...moreUnsubscribe] = rawHeader(message, "list-unsubscribe");
    expect(moreUnsubscribe).toEqual([]);
    expect(listUnsubscribe).toMatch(/^List-Unsubscribe: <https:\/\/help\.shop\.test\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
    expect(rawHeader(message, "list-unsubscribe-post")).toEqual(["List-Unsubscribe-Post: List-Unsubscribe=One-Click"]);
    // Header names are case-insensitive (nodemailer writes "List-ID").
    expect(rawHeader(message, "list-id").map((line) => line.replace(/^List-Id:/i, "List-Id:"))).toEqual([`List-Id: "Alerts about ${product.name}" <product-${product.id}.help.shop.test>`]);

    // Why, in words, and the three links.
    const unsubscribeUrl = listUnsubscribe!.slice("List-Unsubscribe: <".length, -1);
    expect(message.text).toContain(`You get this because you chose to watch ${product.name} (New threads) on`);
    expect(message.text).toContain("from the product page");
    expect(message.text).toContain("Mine gets hot under load.");
    expect(message.text).toContain(`${APP}/t/${thread.threadId}/`);
    expect(message.text).toContain(unsubscribeUrl);
    expect(message.text).toMatch(new RegExp(`${APP}/preferences/[A-Za-z0-9_.-]+`));
    expect(message.html).toContain(`href="${unsubscribeUrl}"`);
    expect(await db().sentEmail.count({ where: { userId: watcher.id, kind: "alert" } })).toBe(1);
  });

  it("after a one-click POST (no cookie) the next event sends nothing", async () => {
    const { product } = await world();
    const watcher = await createWriter();
    await watchWithEmail(watcher.id, product.id);
    await newThreadOn(product);
    await sendDueEmails();
    const unsubscribeUrl = rawHeader(mail.sink().messages[0]!, "list-unsubscribe")[0]!.slice("List-Unsubscribe: <".length, -1);

    const response = await unsubscribePost(oneClickRequest(unsubscribeUrl), { params: Promise.resolve({ token: tokenOf(unsubscribeUrl) }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();

    mail.sink().clear();
    await newThreadOn(product);
    expect(await sendDueEmails()).toMatchObject({ sent: 0 });
    expect(mail.sink().messages).toEqual([]);
  });

  it("honours a withdrawal committed before the send, 30 times in a row; the other order sends", async () => {
    const { product } = await world();
    const watcher = await createWriter();
    for (let round = 0; round < 30; round += 1) {
      await watchWithEmail(watcher.id, product.id);
      const queued = await newThreadOn(product);
      expect(await db().emailDelivery.count({ where: { eventId: queued.eventId, userId: watcher.id, status: "PENDING" } })).toBe(1);
      await setAlertSubscription({ actor: { via: "emailLink", userId: watcher.id, oneClick: "unsubscribe" }, target: { type: "product", id: product.id }, change: { email: false }, source: "PRODUCT_PAGE", locale: "en", requestId: randomUUID() });
      expect(await sendDueEmails()).toEqual({ sent: 0, skipped: 1, retried: 0, failed: 0 });
      expect(await db().emailDelivery.findFirstOrThrow({ where: { eventId: queued.eventId, userId: watcher.id }, select: { status: true } })).toEqual({ status: "SKIPPED" });
    }
    expect(mail.sink().messages).toEqual([]);

    for (let round = 0; round < 30; round += 1) {
      await watchWithEmail(watcher.id, product.id);
      await newThreadOn(product);
      expect(await sendDueEmails()).toEqual({ sent: 1, skipped: 0, retried: 0, failed: 0 });
      await setAlertSubscription({ actor: { via: "emailLink", userId: watcher.id, oneClick: "unsubscribe" }, target: { type: "product", id: product.id }, change: { email: false }, source: "PRODUCT_PAGE", locale: "en", requestId: randomUUID() });
    }
    expect(mail.sink().messages).toHaveLength(30);
  });

  it("a withdrawal racing the send either wins (nothing sent) or waits until the message is handed over", async () => {
    const { product } = await world();
    const watcher = await createWriter();
    for (let round = 0; round < 30; round += 1) {
      await watchWithEmail(watcher.id, product.id);
      const queued = await newThreadOn(product);
      mail.sink().clear();
      const withdraw = setAlertSubscription({ actor: { via: "emailLink", userId: watcher.id, oneClick: "unsubscribe" }, target: { type: "product", id: product.id }, change: { email: false }, source: "PRODUCT_PAGE", locale: "en", requestId: randomUUID() }).then(() => new Date());
      const [withdrawnAt, result] = await Promise.all([withdraw, sendDueEmails()]);
      const delivery = await db().emailDelivery.findFirstOrThrow({ where: { eventId: queued.eventId, userId: watcher.id }, select: { status: true, sentAt: true } });
      if (result.sent === 1) {
        expect(delivery.status).toBe("SENT");
        expect(mail.sink().messages).toHaveLength(1);
        // Sent means handed to SMTP before the withdrawal committed.
        expect(delivery.sentAt!.getTime()).toBeLessThanOrEqual(withdrawnAt.getTime());
      } else {
        expect(delivery.status).toBe("SKIPPED");
        expect(mail.sink().messages).toHaveLength(0);
      }
    }
  });

  it("retries while SMTP is down and delivers each message once when it is back; FAILED after the last try, listed for admins", async () => {
    const { product } = await world();
    const watchers = await Promise.all([createWriter(), createWriter(), createWriter()]);
    for (const watcher of watchers) await watchWithEmail(watcher.id, product.id);
    const port = mail.sink().port;
    await mail.sink().stop();
    const thread = await newThreadOn(product);

    expect(await sendDueEmails()).toEqual({ sent: 0, skipped: 0, retried: 3, failed: 0 });
    const pending = await db().emailDelivery.findMany({ where: { eventId: thread.eventId }, select: { status: true, attempts: true, lastError: true, dueAt: true } });
    expect(pending.map((row) => [row.status, row.attempts])).toEqual([["PENDING", 1], ["PENDING", 1], ["PENDING", 1]]);
    expect(pending.every((row) => row.lastError && row.dueAt.getTime() > Date.now() + 60_000)).toBe(true);
    // Not due yet: nothing is attempted.
    expect(await sendDueEmails()).toEqual({ sent: 0, skipped: 0, retried: 0, failed: 0 });

    await mail.restartSink(port);
    // Time passes: the backoff is over.
    await db().emailDelivery.updateMany({ where: { eventId: thread.eventId }, data: { dueAt: new Date() } });
    expect(await sendDueEmails()).toEqual({ sent: 3, skipped: 0, retried: 0, failed: 0 });
    expect(await sendDueEmails()).toEqual({ sent: 0, skipped: 0, retried: 0, failed: 0 });
    expect(new Set(mail.sink().messages.map((m) => m.messageId)).size).toBe(3);
    expect(mail.sink().messages).toHaveLength(3);

    // Down for good: FAILED after the last attempt, never retried again.
    const admin = await createWriter({ role: "ADMIN" });
    const other = await createWriter();
    await watchWithEmail(other.id, product.id);
    await mail.sink().stop();
    const failing = await newThreadOn(product);
    for (let attempt = 1; attempt <= MAX_EMAIL_ATTEMPTS; attempt += 1) {
      await db().emailDelivery.updateMany({ where: { eventId: failing.eventId }, data: { dueAt: new Date() } });
      await sendDueEmails();
    }
    const failed = await db().emailDelivery.findMany({ where: { eventId: failing.eventId }, select: { status: true, attempts: true } });
    expect(failed).toEqual(expect.arrayContaining([{ status: "FAILED", attempts: MAX_EMAIL_ATTEMPTS }]));
    await mail.restartSink(port);
    await db().emailDelivery.updateMany({ where: { eventId: failing.eventId }, data: { dueAt: new Date() } });
    expect(await sendDueEmails()).toMatchObject({ sent: 0 });

    const listed = await listFailedEmailDeliveries({ actorId: admin.id });
    expect(listed.items.map((item) => item.userId)).toEqual(expect.arrayContaining([other.id]));
    expect(listed.items[0]).toMatchObject({ attempts: MAX_EMAIL_ATTEMPTS, threadId: failing.threadId });
    await expect(listFailedEmailDeliveries({ actorId: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("two senders at once never send a message twice (SKIP LOCKED)", async () => {
    const { product } = await world();
    const watchers = await Promise.all(Array.from({ length: 12 }, () => createWriter()));
    for (const watcher of watchers) await watchWithEmail(watcher.id, product.id);
    await newThreadOn(product);
    await newThreadOn(product);

    const results = await Promise.all([sendDueEmails({ batchSize: 3 }), sendDueEmails({ batchSize: 3 })]);
    expect(results[0].sent + results[1].sent).toBe(24);
    expect(mail.sink().messages).toHaveLength(24);
    expect(new Set(mail.sink().messages.map((m) => m.messageId)).size).toBe(24);
  });
});
