import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { DEV_MAILBOX_PAGE_SIZE, listDevMails } from "./list-dev-mails";
import { getDevMail } from "./get-dev-mail";

describe("development mailbox queries", () => {
  it("lists newest first, one page at a time, and opens a message with its headers", async () => {
    // Dated far ahead so these are the newest rows even with other tests writing mail.
    const base = Date.UTC(2200, 0, 1) + Math.floor(Math.random() * 1e9);
    const run = randomUUID();
    const created = [];
    for (const [index, subject] of ["first", "second", "third"].entries()) {
      created.push(
        await db().devMail.create({
          data: {
            messageId: `<${run}-${index}@localhost>`,
            from: "Entraide <no-reply@entraide.localhost>",
            to: `${run}@example.test`,
            subject: `${subject} ${run}`,
            text: "text",
            html: "<p>html</p>",
            headers: [{ name: "Message-ID", value: `<${run}-${index}@localhost>` }],
            createdAt: new Date(base + index * 1000),
          },
          select: { id: true },
        }),
      );
    }

    const firstPage = await listDevMails(1);
    expect(firstPage.items.slice(0, 3).map((m) => m.subject)).toEqual([`third ${run}`, `second ${run}`, `first ${run}`]);
    expect(firstPage.items.length).toBeLessThanOrEqual(DEV_MAILBOX_PAGE_SIZE);
    expect(firstPage.pageCount).toBe(Math.max(1, Math.ceil(firstPage.total / DEV_MAILBOX_PAGE_SIZE)));
    expect(Object.keys(firstPage.items[0]!).sort()).toEqual(["createdAt", "id", "subject", "to"]);

    const opened = await getDevMail(created[1]!.id);
    expect(opened).toMatchObject({ subject: `second ${run}`, headers: [{ name: "Message-ID", value: `<${run}-1@localhost>` }] });
    expect(await getDevMail("no-such-id")).toBeNull();
  });
});
