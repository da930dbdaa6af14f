import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConsentText } from "@/lib/consent/consent-texts";
import { sha256Hex } from "@/lib/consent/sha256-hex";
import { toSlug } from "@/lib/catalog/to-slug";
import { databaseUrlFor, dropDatabase, ensureDatabase } from "@/scripts/database/ensure-database";
import { applyMigrations } from "@/scripts/database/migrations/apply-migrations";
import { seedLargeCommunity, type LargeSeedResult } from "./seed-large-community";
import { parseSeedArgs, resolveSizes } from "./seed-large-options";

// Its own database: the generator rebuilds Post's indexes in a transaction that locks the table.
const url = databaseUrlFor(process.env.ENTRAIDE_TEST_SERVER_URL ?? process.env.DATABASE_URL!, `entraide_seed_large_${randomBytes(4).toString("hex")}`);
let client: pg.Client;
let result: LargeSeedResult;

const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows[0]!;
const count = async (sql: string, params: unknown[] = []) => Number((await one<{ n: string }>(sql, params)).n);

beforeAll(async () => {
  await ensureDatabase(url);
  await applyMigrations(url);
  // The reference community at a thousandth, through the function `npm run seed:large` runs.
  result = await seedLargeCommunity(url, resolveSizes(0.001));
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client?.end();
  await dropDatabase(url);
});

describe("options", () => {
  it("scales the reference size, keeps floors, and lets explicit sizes win", () => {
    expect(resolveSizes()).toEqual({ products: 1_000, members: 100_000, threads: 50_000, posts: 1_000_000, watchers: 100_000 });
    expect(resolveSizes(0.001)).toEqual({ products: 2, members: 100, threads: 50, posts: 1_000, watchers: 100 });
    expect(resolveSizes(0.01, { watchers: 5_000 })).toMatchObject({ members: 1_000, watchers: 1_000 });
    expect(parseSeedArgs(["--scale", "0.5", "--posts=20"])).toEqual({ scale: 0.5, overrides: { posts: 20 } });
    expect(() => parseSeedArgs(["--replies", "3"])).toThrow(/Unknown option --replies/);
    expect(() => resolveSizes(1, { threads: 10, posts: 5 })).toThrow(/at least --threads/);
  });
});

describe("seedLargeCommunity at a thousandth of the reference size", () => {
  it("writes the requested sizes, a big product and a big thread, with ids the app's URLs accept", async () => {
    const like = `${result.prefix}%`;
    expect(await count(`SELECT count(*) AS n FROM "Product" WHERE "id" LIKE $1`, [like])).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM "User" WHERE "id" LIKE $1 AND "isMember"`, [like])).toBe(100);
    expect(await count(`SELECT count(*) AS n FROM "Thread" WHERE "id" LIKE $1`, [like])).toBe(50);
    expect(await count(`SELECT count(*) AS n FROM "Post" WHERE "id" LIKE $1`, [like])).toBe(1_000);
    expect(await count(`SELECT count(*) AS n FROM "AlertSubscription" WHERE "productId" = $1`, [result.bigProduct.id])).toBe(100);
    expect(await count(`SELECT count(*) AS n FROM "Post" WHERE "threadId" = $1 AND NOT "isOpening"`, [result.bigThread.id])).toBe(result.bigThread.replies);
    expect(result.bigThread.replies).toBe(475); // min(1,000, (posts − threads) / 2)
    expect(result.steps.map((step) => step.step)).toContain("posts");
    // get-thread.ts and friends refuse other ids with a 404, as for a forged URL.
    const ids = await client.query<{ id: string }>(
      `SELECT "id" FROM "Thread" UNION ALL SELECT "id" FROM "Post" UNION ALL SELECT "id" FROM "User" UNION ALL SELECT "id" FROM "Product"`,
    );
    for (const { id } of ids.rows) expect(id).toMatch(/^[a-z0-9]{8,40}$/i);
  });

  it("gives every member the membership grant they joined with, with the text's version and hash", async () => {
    const { rows } = await client.query<{ id: string; locale: "en" | "fr"; badge: boolean; memberships: string; badges: string }>(
      `SELECT u."id", u."locale", u."showsOwnerBadge" AS badge,
              count(*) FILTER (WHERE c."purpose" = 'COMMUNITY_MEMBERSHIP' AND c."action" = 'GRANTED') AS memberships,
              count(*) FILTER (WHERE c."purpose" = 'OWNER_BADGE' AND c."action" = 'GRANTED') AS badges
       FROM "User" u LEFT JOIN "ConsentEvent" c ON c."subjectId" = u."id" WHERE u."isMember" GROUP BY u."id"`,
    );
    expect(rows).toHaveLength(100);
    for (const row of rows) {
      expect(Number(row.memberships)).toBe(1);
      expect(Number(row.badges)).toBe(row.badge ? 1 : 0);
    }
    const { rows: ledger } = await client.query<{ purpose: "COMMUNITY_MEMBERSHIP" | "OWNER_BADGE" | "PRODUCT_ALERTS"; locale: "en" | "fr"; textVersion: number; textSha256: string; storedSha: string; source: string; occurredAt: Date; memberSince: Date }>(
      `SELECT c."purpose", c."locale", c."textVersion", c."textSha256", t."sha256" AS "storedSha", c."source", c."occurredAt", u."memberSince"
       FROM "ConsentEvent" c JOIN "ConsentText" t ON t."id" = c."consentTextId" JOIN "User" u ON u."id" = c."subjectId"`,
    );
    for (const row of ledger) {
      const text = getConsentText(row.purpose, "GRANTED", row.locale);
      expect(row.textVersion).toBe(text.version);
      expect(row.textSha256).toBe(sha256Hex(text.body));
      expect(row.storedSha).toBe(row.textSha256);
      expect(row.occurredAt.getTime()).toBeGreaterThanOrEqual(row.memberSince.getTime());
      expect(["JOIN_PAGE", "INVITATION_PAGE", "PRODUCT_PAGE"]).toContain(row.source);
    }
    expect(new Set(ledger.map((row) => row.locale))).toEqual(new Set(["en", "fr"]));
  });

  it("ledgers every subscription with its own grant and mixes delivery choices", async () => {
    const ungranted = await count(
      `SELECT count(*) AS n FROM "AlertSubscription" s
       WHERE NOT EXISTS (SELECT 1 FROM "ConsentEvent" c WHERE c."subjectId" = s."userId" AND c."purpose" = 'PRODUCT_ALERTS'
         AND c."action" = 'GRANTED' AND c."scope" = s."productId"
         AND c."detail" = 'level=' || s."level" || ' inApp=on email=' || CASE WHEN s."email" THEN 'on' ELSE 'off' END)`,
    );
    expect(ungranted).toBe(0);
    const mix = await one<{ inapp_only: string; immediate: string; digest: string }>(
      `SELECT count(*) FILTER (WHERE NOT s."email") AS inapp_only,
              count(*) FILTER (WHERE s."email" AND e."userId" IS NULL) AS immediate,
              count(*) FILTER (WHERE s."email" AND e."frequency" IN ('DAILY', 'WEEKLY')) AS digest
       FROM "AlertSubscription" s LEFT JOIN "EmailPreference" e ON e."userId" = s."userId" WHERE s."productId" = $1`,
      [result.bigProduct.id],
    );
    expect(Number(mix.inapp_only)).toBe(70);
    expect(Number(mix.immediate)).toBe(10);
    expect(Number(mix.digest)).toBe(20);
    // Watchers bought what they watch; every member bought something.
    expect(await count(`SELECT count(*) AS n FROM "User" u WHERE u."isMember" AND NOT EXISTS (SELECT 1 FROM "Purchase" p WHERE p."userId" = u."id")`)).toBe(0);
  });

  it("keeps reply counts, last activity, nesting and accepted answers consistent with the posts", async () => {
    const wrongCounts = await count(
      `SELECT count(*) AS n FROM "Thread" t
       JOIN (SELECT "threadId", count(*) FILTER (WHERE NOT "isOpening") AS replies, count(*) FILTER (WHERE "isOpening") AS openings, max("createdAt") AS last
             FROM "Post" GROUP BY "threadId") p ON p."threadId" = t."id"
       WHERE t."replyCount" <> p.replies OR p.openings <> 1 OR t."lastActivityAt" <> p.last`,
    );
    expect(wrongCounts).toBe(0);
    const badNesting = await count(
      `SELECT count(*) AS n FROM "Post" c LEFT JOIN "Post" parent ON parent."id" = c."parentId"
       WHERE (c."isOpening" AND (c."depth" <> 0 OR c."parentId" IS NOT NULL OR c."rootReplyId" IS NOT NULL))
          OR (NOT c."isOpening" AND c."depth" = 1 AND (c."parentId" IS NOT NULL OR c."rootReplyId" <> c."id"))
          OR (c."depth" > 1 AND (parent."id" IS NULL OR parent."threadId" <> c."threadId" OR parent."depth" <> c."depth" - 1
              OR c."rootReplyId" <> parent."rootReplyId" OR parent."createdAt" >= c."createdAt"))`,
    );
    expect(badNesting).toBe(0);
    expect(await count(`SELECT count(DISTINCT "depth") AS n FROM "Post" WHERE "threadId" = $1`, [result.bigThread.id])).toBe(4);
    const accepted = await client.query<{ kind: string; isOpening: boolean; same: boolean; samethread: boolean }>(
      `SELECT t."kind", p."isOpening", p."authorId" = t."authorId" AS same, p."threadId" = t."id" AS samethread
       FROM "Thread" t JOIN "Post" p ON p."id" = t."acceptedPostId"`,
    );
    expect(accepted.rows.length).toBeGreaterThan(0);
    for (const row of accepted.rows) expect(row).toEqual({ kind: "QUESTION", isOpening: false, same: false, samethread: true });
  });

  it("writes searchable text in both languages with slugs as the app makes them", async () => {
    const { rows } = await client.query<{ title: string; slug: string; language: string }>(`SELECT "title", "slug", "language" FROM "Thread"`);
    for (const row of rows) expect(row.slug).toBe(toSlug(row.title));
    expect(new Set(rows.map((row) => row.language))).toEqual(new Set(["en", "fr"]));
    // A common word is in many posts, not in all of them: search has something to select.
    const hits = await count(
      `SELECT count(*) AS n FROM "Post" WHERE to_tsvector(CASE WHEN "language" = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END, "bodyMarkdown")
       @@ websearch_to_tsquery('english'::regconfig, 'firmware')`,
    );
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(1_000);
    expect(await count(`SELECT count(*) AS n FROM pg_indexes WHERE tablename = 'Post' AND indexname = 'Post_body_search_idx'`)).toBe(1);
  });
});
