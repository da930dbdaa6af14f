/**
 * Seeding step: demo members and their discussions. Authors join the community the legitimate
 * way — membership state and its GRANTED ledger row (source JOIN_PAGE) in one transaction, as
 * server/membership/join-community.ts does — so the ledger proves every membership. Idempotent:
 * a membership already in effect and a thread already there are left alone.
 */
import { toSlug } from "../lib/catalog/to-slug";
import { getConsentText } from "../lib/consent/consent-texts";
import { mentionKey } from "../lib/discussions/mention-syntax";
import type { PrismaClient } from "../server/db/generated/prisma/client";
import { renderPostMarkdown, type MentionedMember } from "../server/discussions/render-post-markdown";
import { recordConsentEvent } from "../server/membership/record-consent-event";
import { demoEmail } from "./seed-data/demo-accounts";
import { DEMO_THREAD_MEMBERS, DEMO_THREADS, type DemoThread } from "./seed-data/demo-threads";

const SEED_REQUEST_ID = "seed:demo-threads";
const HOUR_MS = 3_600_000;

type Member = { id: string; displayName: string | null; locale: "en" | "fr" | null };

export async function seedDemoThreads(client: PrismaClient): Promise<{ membersJoined: number; threadsCreated: number }> {
  const emails = DEMO_THREAD_MEMBERS.map((member) => demoEmail(member));
  const users = await client.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, displayName: true, locale: true } });
  const byFirstName = new Map<string, Member>(users.map((user) => [user.email.split("@")[0]!, user]));
  const memberFor = (firstName: string): Member => {
    const member = byFirstName.get(firstName);
    if (!member) throw new Error(`Demo thread author ${firstName} is not a demo account`);
    return member;
  };

  let membersJoined = 0;
  for (const { firstName, badge } of DEMO_THREAD_MEMBERS) {
    if (await joinAsDemoMember(client, memberFor(firstName), badge)) membersJoined += 1;
  }

  const mentionable = new Map<string, MentionedMember>(
    users.filter((user) => user.displayName).map((user) => [mentionKey(user.displayName!), { id: user.id, displayName: user.displayName! }]),
  );
  const render = (markdown: string) =>
    renderPostMarkdown(markdown, { resolveMentions: async (names) => new Map(names.flatMap((name) => { const found = mentionable.get(mentionKey(name)); return found ? [[mentionKey(name), found] as const] : []; })) });

  const products = await client.product.findMany({ where: { sku: { in: [...new Set(DEMO_THREADS.map((thread) => thread.sku))] } }, select: { id: true, sku: true } });
  const productIdBySku = new Map(products.map((product) => [product.sku, product.id]));
  const existing = await client.thread.findMany({ where: { productId: { in: products.map((product) => product.id) } }, select: { productId: true, title: true } });
  const existingKeys = new Set(existing.map((thread) => `${thread.productId}\n${thread.title}`));

  let threadsCreated = 0;
  for (const demo of DEMO_THREADS) {
    const productId = productIdBySku.get(demo.sku);
    if (!productId) throw new Error(`Demo thread "${demo.title}" refers to an unknown SKU ${demo.sku}`);
    if (existingKeys.has(`${productId}\n${demo.title}`)) continue;
    await createDemoThread(client, demo, productId, memberFor, render);
    threadsCreated += 1;
  }
  return { membersJoined, threadsCreated };
}

/** What the join page records when both boxes are ticked (or only the first). */
async function joinAsDemoMember(client: PrismaClient, member: Member, ownerBadge: boolean): Promise<boolean> {
  const locale = member.locale ?? "en";
  return client.$transaction(async (tx) => {
    const ledger = { subjectId: member.id, action: "GRANTED", locale, source: "JOIN_PAGE", channel: "WEB", requestId: SEED_REQUEST_ID } as const;
    const joined = await tx.user.updateMany({ where: { id: member.id, isMember: false, deletedAt: null }, data: { isMember: true, memberSince: new Date("2026-09-01T08:00:00Z") } });
    if (joined.count > 0) {
      await recordConsentEvent(tx, { ...ledger, purpose: "COMMUNITY_MEMBERSHIP", textVersion: getConsentText("COMMUNITY_MEMBERSHIP", "GRANTED", locale).version });
    }
    if (ownerBadge && joined.count > 0) {
      await tx.user.update({ where: { id: member.id }, data: { showsOwnerBadge: true } });
      await recordConsentEvent(tx, { ...ledger, purpose: "OWNER_BADGE", textVersion: getConsentText("OWNER_BADGE", "GRANTED", locale).version });
    }
    return joined.count > 0;
  });
}

async function createDemoThread(
  client: PrismaClient,
  demo: DemoThread,
  productId: string,
  memberFor: (firstName: string) => Member,
  render: (markdown: string) => Promise<string>,
): Promise<void> {
  const openedAt = new Date(demo.openedAt);
  const at = (hours: number) => new Date(openedAt.getTime() + hours * HOUR_MS);
  // Rendered before the transaction, like the app does, so it stays short.
  const openingHtml = await render(demo.body);
  const replyHtml = await Promise.all(demo.replies.map((reply) => render(reply.body)));
  const lastActivityAt = demo.replies.length > 0 ? at(Math.max(...demo.replies.map((reply) => reply.afterHours))) : openedAt;

  await client.$transaction(async (tx) => {
    const thread = await tx.thread.create({
      data: {
        productId,
        authorId: memberFor(demo.author).id,
        kind: demo.kind,
        title: demo.title,
        slug: toSlug(demo.title) || "thread",
        language: demo.language,
        replyCount: demo.replies.length,
        createdAt: openedAt,
        lastActivityAt,
      },
      select: { id: true },
    });
    await tx.post.create({
      data: { threadId: thread.id, authorId: memberFor(demo.author).id, isOpening: true, depth: 0, bodyMarkdown: demo.body, bodyHtml: openingHtml, language: demo.language, createdAt: openedAt },
      select: { id: true },
    });

    const created = new Map<string, { id: string; depth: number; rootReplyId: string }>();
    for (const [index, reply] of demo.replies.entries()) {
      const parent = reply.parent ? created.get(reply.parent) : undefined;
      if (reply.parent && !parent) throw new Error(`Demo reply ${reply.key} answers ${reply.parent}, which comes later or does not exist`);
      const post = await tx.post.create({
        data: {
          threadId: thread.id,
          authorId: memberFor(reply.author).id,
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 1,
          bodyMarkdown: reply.body,
          bodyHtml: replyHtml[index]!,
          language: reply.language ?? demo.language,
          createdAt: at(reply.afterHours),
        },
        select: { id: true },
      });
      const rootReplyId = parent?.rootReplyId ?? post.id;
      await tx.post.update({ where: { id: post.id }, data: { rootReplyId }, select: { id: true } });
      created.set(reply.key, { id: post.id, depth: parent ? parent.depth + 1 : 1, rootReplyId });
    }
    if (demo.accepted) {
      const accepted = created.get(demo.accepted);
      if (!accepted) throw new Error(`Demo thread "${demo.title}" accepts an unknown reply ${demo.accepted}`);
      await tx.thread.update({ where: { id: thread.id }, data: { acceptedPostId: accepted.id }, select: { id: true } });
    }
  });
}
