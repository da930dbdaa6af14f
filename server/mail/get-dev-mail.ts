import "server-only";
import { db } from "@/server/db/client";
import type { MailHeader } from "./read-header-block";

export interface DevMailMessage {
  id: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: MailHeader[];
  createdAt: Date;
}

function isHeaderList(value: unknown): value is MailHeader[] {
  return Array.isArray(value) && value.every((h) => typeof h?.name === "string" && typeof h?.value === "string");
}

/** One stored development e-mail, or null. */
export async function getDevMail(id: string): Promise<DevMailMessage | null> {
  const mail = await db().devMail.findUnique({
    where: { id },
    select: { id: true, messageId: true, from: true, to: true, subject: true, text: true, html: true, headers: true, createdAt: true },
  });
  if (!mail) return null;
  return { ...mail, headers: isHeaderList(mail.headers) ? mail.headers : [] };
}
