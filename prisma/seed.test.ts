import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrations/apply-migrations";
import { PrismaClient } from "@/server/db/generated/prisma/client";
import { seedDemoData } from "./seed";
import { DEMO_PRODUCTS } from "./seed-data/demo-products";

// Its own database: counting whole tables must not see rows other test files write meanwhile.
const serverUrl = process.env.ENTRAIDE_TEST_SERVER_URL ?? process.env.DATABASE_URL!;
const url = databaseUrlFor(serverUrl, `entraide_seed_${randomBytes(4).toString("hex")}`);
let client: PrismaClient;

const countRows = async () => ({
  users: await client.user.count(),
  categories: await client.category.count(),
  products: await client.product.count(),
  purchases: await client.purchase.count(),
  accounts: await client.account.count(),
  sessions: await client.session.count(),
  verificationTokens: await client.verificationToken.count(),
  mails: await client.devMail.count(),
  threads: await client.thread.count(),
  posts: await client.post.count(),
  consentEvents: await client.consentEvent.count(),
  members: await client.user.count({ where: { isMember: true } }),
});

beforeAll(async () => {
  await ensureDatabase(url);
  await applyMigrations(url);
  client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
});

afterAll(async () => {
  await client?.$disconnect();
  await dropDatabase(url);
});

describe("seedDemoData", () => {
  it("creates the demo shop once; a second run creates and changes nothing", async () => {
    const firstLog: string[] = [];
    await seedDemoData(url, { log: (line) => firstLog.push(line) });
    const afterFirst = await countRows();
    const snapshot = await client.product.findMany({ select: { sku: true, slug: true, name: true, updatedAt: true }, orderBy: { sku: "asc" } });

    const secondLog: string[] = [];
    await seedDemoData(url, { log: (line) => secondLog.push(line) });

    expect(await countRows()).toEqual(afterFirst);
    expect(await client.product.findMany({ select: { sku: true, slug: true, name: true, updatedAt: true }, orderBy: { sku: "asc" } })).toEqual(snapshot);
    expect(firstLog.join("\n")).toContain(`${DEMO_PRODUCTS.length} products created`);
    expect(secondLog.join("\n")).toContain("nothing new");
    expect(secondLog.join("\n")).toContain("Demo discussions: nothing new");
    expect(secondLog.join("\n")).toContain("http://localhost:3000/signin");
  });

  it("seeds a plausible shop: products in categories, customers with purchases, one moderator and one admin", async () => {
    await seedDemoData(url, { log: () => {} });
    const counts = await countRows();
    expect(counts.products).toBeGreaterThanOrEqual(30);
    expect(counts.categories).toBeGreaterThanOrEqual(6);

    const customers = await client.user.findMany({
      where: { role: "MEMBER", purchases: { some: {} } },
      select: { email: true, locale: true },
    });
    expect(customers.length).toBeGreaterThanOrEqual(10);
    expect(customers.every((customer) => customer.email.endsWith("@demo.entraide.test"))).toBe(true);
    expect(new Set(customers.map((customer) => customer.locale))).toEqual(new Set(["en", "fr"]));

    const staff = await client.user.findMany({ where: { role: { not: "MEMBER" } }, select: { email: true, role: true }, orderBy: { email: "asc" } });
    expect(staff).toEqual([
      { email: "admin@demo.entraide.test", role: "ADMIN" },
      { email: "moderator@demo.entraide.test", role: "MODERATOR" },
    ]);
  });

  it("signs nobody in and sends nothing: no sessions, sign-in tokens, linked accounts or mail", async () => {
    await seedDemoData(url, { log: () => {} });
    expect(await countRows()).toMatchObject({ accounts: 0, sessions: 0, verificationTokens: 0, mails: 0 });
  });

  it("seeds discussions in English and French by members whose membership the ledger proves; several customers stay non-members", async () => {
    await seedDemoData(url, { log: () => {} });
    const threads = await client.thread.findMany({ select: { language: true, kind: true, acceptedPostId: true, authorId: true, replyCount: true, posts: { select: { depth: true, authorId: true, deletedAt: true, isOpening: true } } } });
    expect(threads.length).toBeGreaterThanOrEqual(12);
    expect(threads.length).toBeLessThanOrEqual(20);
    expect(new Set(threads.map((thread) => thread.language))).toEqual(new Set(["en", "fr"]));
    expect(new Set(threads.map((thread) => thread.kind))).toEqual(new Set(["QUESTION", "TIP", "DISCUSSION"]));
    const questions = threads.filter((thread) => thread.kind === "QUESTION");
    expect(questions.some((thread) => thread.acceptedPostId)).toBe(true);
    expect(questions.some((thread) => !thread.acceptedPostId)).toBe(true);
    expect(Math.max(...threads.flatMap((thread) => thread.posts.map((post) => post.depth)))).toBe(4);
    for (const thread of threads) expect(thread.replyCount).toBe(thread.posts.filter((post) => !post.isOpening).length);

    const authorIds = [...new Set(threads.flatMap((thread) => thread.posts.map((post) => post.authorId)))];
    const authors = await client.user.findMany({ where: { id: { in: authorIds } }, select: { isMember: true, consentEvents: { where: { purpose: "COMMUNITY_MEMBERSHIP" }, select: { action: true, source: true } } } });
    for (const author of authors) {
      expect(author.isMember).toBe(true);
      expect(author.consentEvents).toEqual([{ action: "GRANTED", source: "JOIN_PAGE" }]);
    }
    const badgeHolders = await client.user.findMany({ where: { showsOwnerBadge: true }, select: { consentEvents: { where: { purpose: "OWNER_BADGE" }, select: { action: true } } } });
    for (const holder of badgeHolders) expect(holder.consentEvents).toEqual([{ action: "GRANTED" }]);

    const nonMembers = await client.user.count({ where: { role: "MEMBER", isMember: false, purchases: { some: {} } } });
    expect(nonMembers).toBeGreaterThanOrEqual(3);
  });
});
