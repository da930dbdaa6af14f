import { createVerify, generateKeyPairSync, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { sendMail } from "./send-mail";

// env() is read once per test file: configure DKIM before the first send.
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
let sink: SmtpSink;
const saved = { ...process.env };

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.APP_URL = "https://help.shop.test";
  process.env.EMAIL_FROM = "Entraide <alerts@help.shop.test>";
  process.env.DKIM_DOMAIN = "help.shop.test";
  process.env.DKIM_SELECTOR = "entraide";
  // One line with literal \n, as in an .env file.
  process.env.DKIM_PRIVATE_KEY = privateKey.export({ type: "pkcs8", format: "pem" }).toString().replaceAll("\n", "\\n");
});

afterAll(async () => {
  process.env = saved;
  await sink.stop();
});

/** relaxed header canonicalization (RFC 6376 §3.4.2) of one raw header line. */
const relaxed = (line: string) => {
  const index = line.indexOf(":");
  return `${line.slice(0, index).trim().toLowerCase()}:${line.slice(index + 1).replace(/\r?\n/g, "").replace(/[ \t]+/g, " ").trim()}`;
};

describe("DKIM signing", () => {
  it("signs alert mail over the sender, subject, Message-ID and every List-* header, and the signature verifies", async () => {
    const to = `member-${randomUUID()}@example.test`;
    await sendMail({
      to,
      userId: null,
      kind: "alert",
      subject: "New thread about Kestrel SSD",
      text: "A new thread",
      html: "<p>A new thread</p>",
      list: { id: "product-abc.help.shop.test", name: "Alerts about Kestrel SSD", unsubscribeUrl: "https://help.shop.test/unsubscribe/tok" },
      messageId: "<delivery-42@help.shop.test>",
    });
    const received = await sink.waitForMessage((m) => JSON.stringify(m.to).includes(to));
    const signatureLine = received.headerLines.find((line) => line.key === "dkim-signature")!.line;
    const tags = Object.fromEntries(
      signatureLine
        .slice(signatureLine.indexOf(":") + 1)
        .replace(/\s+/g, "")
        .split(";")
        .filter(Boolean)
        .map((tag) => [tag.slice(0, tag.indexOf("=")), tag.slice(tag.indexOf("=") + 1)]),
    );
    expect(tags).toMatchObject({ v: "1", a: "rsa-sha256", c: "relaxed/relaxed", d: "help.shop.test", s: "entraide" });
    const signed = tags.h!.toLowerCase().split(":");
    for (const name of ["from", "to", "subject", "date", "message-id", "list-id", "list-unsubscribe", "list-unsubscribe-post"]) expect(signed).toContain(name);
    expect(received.messageId).toBe("<delivery-42@help.shop.test>");

    // Verify the signature over the signed headers with the public key.
    const headerData = signed
      .map((name: string) => {
        const lines = received.headerLines.filter((line) => line.key === name);
        return relaxed(lines[lines.length - 1]!.line);
      })
      .join("\r\n");
    const signatureHeader = relaxed(signatureLine).replace(/b=[^;]*$/, "b=");
    const verifier = createVerify("RSA-SHA256");
    verifier.update(`${headerData}\r\n${signatureHeader}`);
    expect(verifier.verify(publicKey, tags.b!, "base64")).toBe(true);
    expect(tags.bh).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("is all or nothing in the environment", () => {
    const base = { NODE_ENV: "test", DATABASE_URL: "postgresql://localhost/x" };
    expect(() => parseEnv({ ...base, DKIM_DOMAIN: "help.shop.test" })).toThrow(/DKIM/);
    expect(parseEnv(base).DKIM_DOMAIN).toBeUndefined();
  });
});
