import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { hashEmailAddress } from "./hash-email-address";
import { sendMail } from "./send-mail";

// Without SMTP_URL (development) mail is stored for /dev/mailbox instead of being sent.
const saved = { ...process.env };

beforeAll(() => {
  delete process.env.SMTP_URL;
  process.env.APP_URL = "http://localhost:3999";
  process.env.EMAIL_FROM = "Entraide <no-reply@entraide.localhost>";
});

afterAll(() => {
  process.env = saved;
});

describe("sendMail without SMTP_URL", () => {
  it("stores the fully built message, with its real headers, in the development mailbox", async () => {
    const to = `dev-${randomUUID()}@example.test`;
    const sent = await sendMail({ to, userId: null, kind: "sign-in", subject: "Connexion à Entraide", text: "Lien : http://localhost:3999/x", html: "<p>Lien</p>" });

    if (sent.status !== "sent") throw new Error("expected the message to be stored");
    expect(sent.deliveredTo).toBe("dev-mailbox");
    const stored = await db().devMail.findFirstOrThrow({ where: { to } });
    expect(stored).toMatchObject({
      messageId: sent.messageId,
      from: "Entraide <no-reply@entraide.localhost>",
      subject: "Connexion à Entraide",
      text: "Lien : http://localhost:3999/x",
      html: "<p>Lien</p>",
    });
    expect(sent.messageId).toMatch(/@localhost>$/);

    const headers = stored.headers as { name: string; value: string }[];
    const header = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
    expect(header("message-id")).toBe(sent.messageId);
    expect(header("to")).toBe(to);
    // Non-ASCII subjects are MIME-encoded exactly as they would be on the wire.
    expect(header("subject")).toMatch(/^=\?UTF-8\?/);
    expect(header("content-type")).toMatch(/^multipart\/alternative; boundary=/);
    expect(header("date")).toBeTruthy();
    expect(headers.some((h) => h.name.toLowerCase().startsWith("list-"))).toBe(false);
  });

  it("stores nothing for a suppressed address", async () => {
    const to = `gone-${randomUUID()}@example.test`;
    await db().emailSuppression.create({ data: { emailSha256: hashEmailAddress(to), reason: "account deleted" } });

    const outcome = await sendMail({ to, userId: null, kind: "sign-in", subject: "Connexion", text: "Lien", html: "<p>Lien</p>" });

    expect(outcome).toEqual({ status: "not-sent", reason: "suppressed" });
    expect(await db().devMail.count({ where: { to } })).toBe(0);
  });
});
