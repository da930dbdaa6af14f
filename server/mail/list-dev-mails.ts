import "server-only";
import { db } from "@/server/db/client";
import { countPages, type Paged } from "@/lib/pagination";

export interface DevMailSummary {
  id: string;
  to: string;
  subject: string;
  createdAt: Date;
}

export const DEV_MAILBOX_PAGE_SIZE = 20;

/** One page of the development mailbox, newest first. */
export async function listDevMails(page: number): Promise<Paged<DevMailSummary>> {
  const [items, total] = await Promise.all([
    db().devMail.findMany({
      select: { id: true, to: true, subject: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * DEV_MAILBOX_PAGE_SIZE,
      take: DEV_MAILBOX_PAGE_SIZE,
    }),
    db().devMail.count(),
  ]);
  return { items, page, pageSize: DEV_MAILBOX_PAGE_SIZE, total, pageCount: countPages(total, DEV_MAILBOX_PAGE_SIZE) };
}
