import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { db } from "@/server/db/client";
import { hashEmailAddress } from "./hash-email-address";
import { sendMail, type OutgoingMail } from "./send-mail";

let sink: SmtpSink;
const saved = { ...process.env };

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.APP_URL = "https://help.shop.test";
});

afterAll(async () => {
  process.env = saved;
  await sink.stop();
});

const message = (to: string, userId: string | null): OutgoingMail => ({
  to,
  userId,
  kind: "sign-in",
  subject: `Sign-in link ${randomUUID()}`,
  text: "Your link",
  html: "<p>Your link</p>",
});
const receivedBy = (address: string) => sink.messages.filter((m) => JSON.stringify(m.to).toLowerCase().includes(address.toLowerCase()));

describe("sendMail: sent-mail log", () => {
  it("logs a message to a known person with its kind, subject and Message-ID", async () => {
    const email = `known-${randomUUID()}@example.test`;
    const user = await db().user.create({ data: { email }, select: { id: true } });
    const mail = message(email, user.id);

    const outcome = await sendMail(mail);
    await sink.waitForMessage((m) => m.subject === mail.subject);

    if (outcome.status !== "sent") throw new Error(`expected a sent message, got ${outcome.reason}`);
    const logged = await db().sentEmail.findMany({ where: { userId: user.id }, select: { messageId: true, kind: true, subject: true } });
    expect(logged).toEqual([{ messageId: outcome.messageId, kind: "sign-in", subject: mail.subject }]);
  });

  it("sends to an address with no account without logging anything against anyone", async () => {
    const mail = message(`stranger-${randomUUID()}@example.test`, null);
    const before = await db().sentEmail.count({ where: { subject: mail.subject } });

    const outcome = await sendMail(mail);
    await sink.waitForMessage((m) => m.subject === mail.subject);

    expect(outcome.status).toBe("sent");
    expect(before).toBe(0);
    expect(await db().sentEmail.count({ where: { subject: mail.subject } })).toBe(0);
  });
});

describe("sendMail: addresses that must never be mailed", () => {
  it("sends nothing to a suppressed address, whatever its case and spacing, and logs nothing", async () => {
    const email = `gone-${randomUUID()}@example.test`;
    const user = await db().user.create({ data: { email }, select: { id: true } });
    await db().emailSuppression.create({ data: { emailSha256: hashEmailAddress(email), reason: "account deleted" } });

    const exact = await sendMail(message(email, user.id));
    const shouted = await sendMail(message(`  ${email.toUpperCase()} `, user.id));
    // A message sent afterwards arrives, so the sink was listening all along.
    const control = message(`control-${randomUUID()}@example.test`, null);
    await sendMail(control);
    await sink.waitForMessage((m) => m.subject === control.subject);

    expect(exact).toEqual({ status: "not-sent", reason: "suppressed" });
    expect(shouted).toEqual({ status: "not-sent", reason: "suppressed" });
    expect(receivedBy(email)).toEqual([]);
    expect(await db().sentEmail.count({ where: { userId: user.id } })).toBe(0);
  });

  it("sends nothing to a deleted account's tombstone address", async () => {
    const tombstone = `deleted-${randomUUID()}@deleted.invalid`;

    const outcome = await sendMail(message(tombstone, null));

    expect(outcome).toEqual({ status: "not-sent", reason: "undeliverable-address" });
    expect(receivedBy(tombstone)).toEqual([]);
  });
});
