import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { sendMail } from "./send-mail";

// env() is read once per test file (modules are isolated per file), so configure it first.
let sink: SmtpSink;
const saved = { ...process.env };

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.APP_URL = "https://help.shop.test";
  process.env.EMAIL_FROM = "Entraide <no-reply@help.shop.test>";
});

afterAll(async () => {
  process.env = saved;
  await sink.stop();
});

const uniqueRecipient = () => `person-${randomUUID()}@example.test`;

describe("sendMail over SMTP", () => {
  it("delivers HTML and plain text with a Message-ID on APP_URL's host and no List-* headers", async () => {
    const to = uniqueRecipient();
    const sent = await sendMail({ to, userId: null, kind: "sign-in", subject: "Votre lien — ça marche", text: "Bonjour texte", html: "<p>Bonjour <b>HTML</b></p>" });

    const received = await sink.waitForMessage((m) => m.to !== undefined && JSON.stringify(m.to).includes(to));
    expect(sent).toMatchObject({ status: "sent", deliveredTo: "smtp" });
    if (sent.status !== "sent") throw new Error("expected the message to be sent");
    expect(received.messageId).toBe(sent.messageId);
    expect(received.messageId).toMatch(/^<[0-9a-f-]{36}@help\.shop\.test>$/);
    expect(received.subject).toBe("Votre lien — ça marche");
    expect(received.text?.trim()).toBe("Bonjour texte");
    expect(received.html).toContain("<p>Bonjour <b>HTML</b></p>");
    expect(received.from?.value).toEqual([{ name: "Entraide", address: "no-reply@help.shop.test" }]);
    expect(received.headers.get("auto-submitted")).toBe("auto-generated");
    expect([...received.headers.keys()].filter((name) => name.startsWith("list-"))).toEqual([]);
  });

  it("adds List-Id, List-Unsubscribe and one-click unsubscribe when the mail belongs to a list", async () => {
    const to = uniqueRecipient();
    await sendMail({
      to,
      userId: null,
      kind: "sign-in",
      subject: "New answer",
      text: "An answer arrived",
      html: "<p>An answer arrived</p>",
      list: { id: "answers.help.shop.test", name: "Réponses à vos questions", unsubscribeUrl: "https://help.shop.test/unsubscribe/abc" },
    });

    const received = await sink.waitForMessage((m) => JSON.stringify(m.to).includes(to));
    const raw = (name: string) => received.headerLines.find((line) => line.key === name)?.line ?? "";
    expect(raw("list-id")).toMatch(/^List-Id: =\?UTF-8\?.+\?= <answers\.help\.shop\.test>$/i);
    expect(received.headers.get("list")).toMatchObject({
      id: { id: "answers.help.shop.test" },
      unsubscribe: { url: "https://help.shop.test/unsubscribe/abc" },
    });
    expect(raw("list-unsubscribe")).toContain("<https://help.shop.test/unsubscribe/abc>");
    expect(raw("list-unsubscribe-post")).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/i);
  });

  it("refuses an unsubscribe link outside APP_URL", async () => {
    await expect(
      sendMail({
        to: uniqueRecipient(),
        userId: null,
        kind: "sign-in",
        subject: "x",
        text: "x",
        html: "<p>x</p>",
        list: { id: "answers.help.shop.test", name: "Answers", unsubscribeUrl: "https://evil.test/unsubscribe" },
      }),
    ).rejects.toThrow(/APP_URL/);
  });
});
