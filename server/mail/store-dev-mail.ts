import "server-only";
import { db } from "@/server/db/client";
import { readHeaderBlock } from "./read-header-block";

export interface DevMailToStore {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The message exactly as it would have gone over SMTP; its header block is kept. */
  rawMessage: string;
}

/** Development only (no SMTP_URL): keeps an outgoing message for /dev/mailbox. */
export async function storeDevMail(mail: DevMailToStore): Promise<{ id: string }> {
  return db().devMail.create({
    data: {
      messageId: mail.messageId,
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: readHeaderBlock(mail.rawMessage).map(({ name, value }) => ({ name, value })),
    },
    select: { id: true },
  });
}
