import "server-only";
import { randomUUID } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import * as mimeFuncsModule from "nodemailer/lib/mime-funcs";
import { env } from "@/server/env";
import { isEmailSuppressed } from "./is-email-suppressed";
import { isUndeliverableAddress } from "./is-undeliverable-address";
import { logSentEmail } from "./log-sent-email";
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

/** What a message is for; stored with each logged message and shown in the person's data export. */
export type MailKind = "sign-in" | "alert";

export interface OutgoingMail {
  to: string;
  /**
   * The recipient's account, or null when the address has none yet (the first sign-in link to a
   * new address: next-auth creates the user only after the link is used). Required so that no
   * caller forgets it: every message to a known person is logged for their data export.
   */
  userId: string | null;
  kind: MailKind;
  subject: string;
  text: string;
  html: string;
  /** Only for non-transactional mail the person opted into. */
  list?: MailingListHeaders;
  /**
   * A stable Message-ID, "<local@host>" (e.g. one per alert delivery, so a message sent again
   * after a crash is recognised as the same by receivers); a random one on APP_URL's host otherwise.
   */
  messageId?: string;
}

export type MailOutcome =
  | {
      status: "sent";
      messageId: string;
      /** "smtp" when handed to the mail server; "dev-mailbox" when stored for /dev/mailbox. */
      deliveredTo: "smtp" | "dev-mailbox";
    }
  | {
      /**
       * Nothing was sent: the address belongs to a deleted account ("suppressed") or is a
       * tombstone that can receive nothing ("undeliverable-address"). Not an error: callers
       * carry on exactly as after a send, so nobody can tell from outside which addresses are
       * suppressed.
       */
      status: "not-sent";
      reason: "suppressed" | "undeliverable-address";
    };

// CommonJS whose exports Node's own ESM loader cannot list (tsx: `npm run worker`, the bench):
// there they are on the default export; bundlers and vitest give them either way.
const { encodeWord, isPlainText } = (mimeFuncsModule as { default?: typeof mimeFuncsModule }).default ?? mimeFuncsModule;

const globalForMail = globalThis as unknown as { entraideSmtp?: { url: string; transporter: Transporter } };

/**
 * Pooled SMTP connections, reused across messages: a new connection per message (greeting, EHLO,
 * maybe TLS) cost more than the message itself and held the e-mail sender near 57 messages a
 * second. The pool keeps a few open (one per concurrent send, see SEND_CONCURRENCY in
 * send-due-emails.ts) and renews each after a number of messages, as relays expect.
 */
const SMTP_POOL = { pool: true, maxConnections: 4, maxMessages: 500 } as const;

function smtpTransporter(url: string): Transporter {
  if (globalForMail.entraideSmtp?.url !== url) {
    globalForMail.entraideSmtp?.transporter.close();
    globalForMail.entraideSmtp = { url, transporter: nodemailer.createTransport({ url, ...SMTP_POOL }) };
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

// Signed headers: the sender and subject, and the List-* headers mail providers act on (a
// one-click unsubscribe is only offered when List-Unsubscribe and List-Unsubscribe-Post are signed).
const DKIM_SIGNED_HEADERS = "From:To:Subject:Date:Message-ID:MIME-Version:Content-Type:List-Id:List-Unsubscribe:List-Unsubscribe-Post";

/** DKIM signing when DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY are set (all or none). */
function dkimOptions(): Mail.Options["dkim"] {
  const { DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY } = env();
  if (!DKIM_DOMAIN || !DKIM_SELECTOR || !DKIM_PRIVATE_KEY) return undefined;
  return { domainName: DKIM_DOMAIN, keySelector: DKIM_SELECTOR, privateKey: DKIM_PRIVATE_KEY, headerFieldNames: DKIM_SIGNED_HEADERS };
}

/**
 * The one way the app sends e-mail. With SMTP_URL set it goes to that server; without it
 * (development) the fully built message — real headers included — is stored and readable at
 * /dev/mailbox, so nothing needs a mail server to try sign-in.
 *
 * Before anything else it refuses suppressed addresses (deleted accounts): they get no mail of
 * any kind, sign-in links included. After sending, a message to a known person is logged.
 */
export async function sendMail(mail: OutgoingMail): Promise<MailOutcome> {
  if (isUndeliverableAddress(mail.to)) return { status: "not-sent", reason: "undeliverable-address" };
  if (await isEmailSuppressed(mail.to)) return { status: "not-sent", reason: "suppressed" };

  const { messageId, deliveredTo } = await deliver(mail);
  if (mail.userId) {
    try {
      await logSentEmail({ userId: mail.userId, messageId, kind: mail.kind, subject: mail.subject });
    } catch (error) {
      // The message is already out: failing now would make the caller report an error (or retry
      // and send it twice) for mail that was delivered. A missing log line is the lesser harm.
      console.error("Logging a sent e-mail failed", error);
    }
  }
  return { status: "sent", messageId, deliveredTo };
}

async function deliver(mail: OutgoingMail): Promise<{ messageId: string; deliveredTo: "smtp" | "dev-mailbox" }> {
  const { APP_URL, EMAIL_FROM, SMTP_URL } = env();
  const listOptions = mail.list ? listHeaderOptions(mail.list, APP_URL) : undefined;
  const options: Mail.Options = {
    from: EMAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    // Our own Message-ID (on APP_URL's host) so the stored copy and the sent one agree.
    messageId: mail.messageId ?? `<${randomUUID()}@${new URL(APP_URL).hostname}>`,
    dkim: dkimOptions(),
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
