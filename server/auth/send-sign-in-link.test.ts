import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { db } from "@/server/db/client";
import { hashEmailAddress } from "@/server/mail/hash-email-address";
import { sendSignInLink } from "./send-sign-in-link";

let sink: SmtpSink;
const saved = { ...process.env };

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.APP_URL = "https://community.shop.test";
});

afterAll(async () => {
  process.env = saved;
  await sink.stop();
});

const linksIn = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
const sentTo = (email: string) => (m: ParsedMail) => JSON.stringify(m.to).includes(email);

describe("sendSignInLink", () => {
  it("mails an absolute link on APP_URL, even when next-auth built it on another host", async () => {
    const email = `new-${randomUUID()}@example.test`;
    const token = "a".repeat(64);
    const nextAuthLink = `http://attacker.test:3000/api/auth/callback/email?callbackUrl=${encodeURIComponent("https://community.shop.test/account")}&token=${token}&email=${encodeURIComponent(email)}`;

    await sendSignInLink({ email, nextAuthLink, locale: "en" });
    const mail = await sink.waitForMessage(sentTo(email));

    const expected = `https://community.shop.test/api/auth/callback/email?callbackUrl=${encodeURIComponent("https://community.shop.test/account")}&token=${token}&email=${encodeURIComponent(email)}`;
    expect(mail.subject).toBe("Your sign-in link for Entraide");
    expect(mail.text).toContain(expected);
    expect(linksIn(String(mail.html))).toEqual([expected, expected]);
    expect(String(mail.html)).not.toContain("attacker.test");
    expect(mail.text).toContain("60 minutes");
  });

  it("is transactional: no List-* headers, nothing to unsubscribe from", async () => {
    const email = `list-${randomUUID()}@example.test`;
    await sendSignInLink({ email, nextAuthLink: "http://localhost:3000/api/auth/callback/email?token=t", locale: "en" });
    const mail = await sink.waitForMessage(sentTo(email));

    expect(mail.headerLines.map((h) => h.key).filter((key) => key.startsWith("list-"))).toEqual([]);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
  });

  it("writes to the person in their language", async () => {
    const email = `fr-${randomUUID()}@example.test`;
    await sendSignInLink({ email, nextAuthLink: "http://localhost:3000/api/auth/callback/email?token=t", locale: "fr" });
    const mail = await sink.waitForMessage(sentTo(email));

    expect(mail.subject).toBe("Votre lien de connexion à Entraide");
    expect(mail.text).toContain("Bonjour,");
    expect(String(mail.html)).toContain('<html lang="fr">');
    expect(String(mail.html)).toContain("Se connecter à Entraide");
  });

  it("logs the link for the person's data export when the address already has an account", async () => {
    const email = `member-${randomUUID()}@example.test`;
    const user = await db().user.create({ data: { email }, select: { id: true } });

    const outcome = await sendSignInLink({ email, nextAuthLink: "http://localhost:3000/api/auth/callback/email?token=t", locale: "en" });
    await sink.waitForMessage(sentTo(email));

    if (outcome.status !== "sent") throw new Error("expected the link to be sent");
    const logged = await db().sentEmail.findMany({ where: { userId: user.id }, select: { kind: true, subject: true, messageId: true } });
    expect(logged).toEqual([{ kind: "sign-in", subject: "Your sign-in link for Entraide", messageId: outcome.messageId }]);
  });

  it("sends no link to a suppressed address and reports it without throwing", async () => {
    const email = `deleted-${randomUUID()}@example.test`;
    await db().emailSuppression.create({ data: { emailSha256: hashEmailAddress(email), reason: "account deleted" } });

    const outcome = await sendSignInLink({ email, nextAuthLink: "http://localhost:3000/api/auth/callback/email?token=t", locale: "en" });
    const control = `control-${randomUUID()}@example.test`;
    await sendSignInLink({ email: control, nextAuthLink: "http://localhost:3000/api/auth/callback/email?token=t", locale: "en" });
    await sink.waitForMessage(sentTo(control));

    expect(outcome).toEqual({ status: "not-sent", reason: "suppressed" });
    expect(sink.messages.filter(sentTo(email))).toEqual([]);
  });
});
