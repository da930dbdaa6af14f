import "server-only";
import { randomUUID } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { encodeWord, isPlainText } from "nodemailer/lib/mime-funcs";
import { env } from "@/server/env";
import { storeDevMail } from "./store-dev-mail";

/**
 * List-* headers (RFC 2369, RFC 8058) for mail a person subscribed to, so mail clients offer a
 * one-click unsubscribe. Transactional mail (sign-in links) must not carry them.
 */
export interface MailingListHeaders {
  /** Identifies the list, e.g. { id: "questions.entraide.example", name: "Answers to your questions" }. */
  id: string;
  name: string;
  /** Absolute https URL under APP_URL that unsubscribes with a single POST. */
  unsubscribeUrl: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Only for non-transactional mail the person opted into. */
  list?: MailingListHeaders;
}

export interface SentMail {
  messageId: string;
  /** "smtp" when handed to the mail server; "dev-mailbox" when stored for /dev/mailbox. */
  deliveredTo: "smtp" | "dev-mailbox";
}

const globalForMail = globalThis as unknown as { entraideSmtp?: { url: string; transporter: Transporter } };

function smtpTransporter(url: string): Transporter {
  if (globalForMail.entraideSmtp?.url !== url) {
    globalForMail.entraideSmtp = { url, transporter: nodemailer.createTransport(url) };
  }
  return globalForMail.entraideSmtp.transporter;
}

function listHeaderOptions(list: MailingListHeaders, appUrl: string): Pick<Mail.Options, "list" | "headers"> {
  if (!list.unsubscribeUrl.startsWith(`${appUrl}/`)) {
    throw new Error(`List-Unsubscribe must point into APP_URL (${appUrl}), got ${list.unsubscribeUrl}`);
  }
  // List-Id is written by hand: nodemailer's `list.id` turns a bare list id into "<http://id>".
  const phrase = isPlainText(list.name) ? `"${list.name.replace(/["\\]/g, "")}"` : encodeWord(list.name);
  return {
    list: { unsubscribe: list.unsubscribeUrl },
    headers: {
      "List-Id": { prepared: true, value: `${phrase} <${list.id}>` },
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

/**
 * The one way the app sends e-mail. With SMTP_URL set it goes to that server; without it
 * (development) the fully built message — real headers included — is stored and readable at
 * /dev/mailbox, so nothing needs a mail server to try sign-in.
 */
export async function sendMail(mail: OutgoingMail): Promise<SentMail> {
  const { APP_URL, EMAIL_FROM, SMTP_URL } = env();
  const listOptions = mail.list ? listHeaderOptions(mail.list, APP_URL) : undefined;
  const options: Mail.Options = {
    from: EMAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    // Our own Message-ID (on APP_URL's host) so the stored copy and the sent one agree.
    messageId: `<${randomUUID()}@${new URL(APP_URL).hostname}>`,
    list: listOptions?.list,
    // Tells autoresponders not to answer (RFC 3834).
    headers: { "Auto-Submitted": "auto-generated", ...listOptions?.headers },
  };

  if (SMTP_URL) {
    const info = await smtpTransporter(SMTP_URL).sendMail(options);
    return { messageId: String(info.messageId), deliveredTo: "smtp" };
  }

  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(options);
  const messageId = String(built.messageId);
  await storeDevMail({
    messageId,
    from: EMAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    rawMessage: Buffer.isBuffer(built.message) ? built.message.toString("utf8") : "",
  });
  return { messageId, deliveredTo: "dev-mailbox" };
}
